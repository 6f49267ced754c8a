-- Issue 9: search that finds a product however a salesperson types it. The stored search text is now
-- libs/text's document of SKU, name and Arabic name (SearchText.document: every word, the parts of a
-- word written with punctuation, each Arabic word without its article or attached prefixes, a space at
-- each end); V4_1 rewrites it for the rows already here. It keeps its trigram index.
--
-- The word table: every word (three characters or more, no digits) of every product's search text,
-- for the typo step. When the exact words of a query find less than a page, each query word of four
-- letters or more is looked up here by trigram similarity (the % operator, index below) and by one
-- letter wrong, missing, extra or swapped (= any / like any), and the products holding one of the
-- words found are the similar matches. Looking up a few thousand words is cheap; comparing the query
-- with every product's text by similarity is not. Words are added by the triggers below whenever a
-- product's search text is written, and never removed: a word no product has any more only makes a
-- correction that finds nothing.
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
create trigger product_search_words_on_insert after insert on product
    for each row execute function search_words_add();
-- stock changes rewrite the row but never name search_text: they do not fire this
create trigger product_search_words_on_update after update of search_text on product
    for each row when (old.search_text is distinct from new.search_text) execute function search_words_add();
