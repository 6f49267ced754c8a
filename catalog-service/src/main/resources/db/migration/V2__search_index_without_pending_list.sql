-- Searches were paying for GIN's pending list: with fastupdate on, new index entries wait in an
-- unsorted list that every search scans until a vacuum merges it, and every stock change writes a
-- new product row version, so the list grows under order load. Products are read far more than
-- their search text changes: insert straight into the index instead.
alter index product_search_trgm_idx set (fastupdate = off);
-- room on each page for the new row versions of stock changes, so they stay on the page
alter table product set (fillfactor = 90);
