package com.tsh.erp.outbox.demo;

public record NoteAdded(String key, int seq, String text) {
}
