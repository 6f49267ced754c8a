-- Issue 9: client and salesperson search as product search (libs/text's one pattern). The stored
-- search text is now libs/text's document of the names, the phone's digit forms and the email
-- (SearchText.document: every word, the parts of a word written with punctuation, each Arabic word
-- without its article or attached prefixes, a space at each end); V7_1 rewrites it for the rows
-- already here. It keeps its trigram indexes.
--
-- The word table: every word (three characters or more, no digits) of every client's and
-- salesperson's search text, for the typo step. When the exact words of a query find less than a
-- page, each query word of four letters or more is looked up here by trigram similarity (the %
-- operator, index below) and by one letter wrong, missing, extra or swapped (= any / like any), and
-- the rows holding one of the words found are the similar matches. Words are added by the triggers
-- below whenever a search text is written, and never removed: a word nobody has any more only makes
-- a correction that finds nothing.
create table search_word (
    word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);
alter index search_word_trgm_idx set (fastupdate = off);

-- the words of a search text that go into the word table
create function search_words(search_text text) returns setof text language sql immutable as $$
    select distinct w from regexp_split_to_table(search_text, ' ') w where char_length(w) >= 3 and w !~ '[0-9]'
$$;
-- sorted, so that two writers adding the same new words take them in the same order (no deadlock)
create function search_words_add() returns trigger language plpgsql as $$
begin
    insert into search_word (word) select w from search_words(new.search_text) w order by w on conflict do nothing;
    return null;
end
$$;
create trigger client_search_words_on_insert after insert on client
    for each row execute function search_words_add();
-- balance changes rewrite the row but never name search_text: they do not fire this
create trigger client_search_words_on_update after update of search_text on client
    for each row when (old.search_text is distinct from new.search_text) execute function search_words_add();
create trigger salesperson_search_words_on_insert after insert on salesperson
    for each row execute function search_words_add();
create trigger salesperson_search_words_on_update after update of search_text on salesperson
    for each row when (old.search_text is distinct from new.search_text) execute function search_words_add();
