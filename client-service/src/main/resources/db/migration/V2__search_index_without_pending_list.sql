-- Searches scan GIN's pending list until a vacuum merges it; clients and salespeople are read far
-- more than their names, phones and emails change, so entries go straight into the index.
alter index client_search_trgm_idx set (fastupdate = off);
alter index salesperson_search_trgm_idx set (fastupdate = off);
-- room on each page for the new row versions of balance changes
alter table client set (fillfactor = 90);
