package com.tsh.erp.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

final class Ports {
    private Ports() {
    }

    static boolean isOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
