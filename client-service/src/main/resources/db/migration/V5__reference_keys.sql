-- A payment's or credit note's reference is unique per client and kind by its comparison key
-- (libs/text Identifiers.key: NFKC, no invisible format characters, trimmed, lower case), so
-- "RCPT-1", "rcpt-1", full-width "ＲＣＰＴ－１" and "RCPT-1" with a zero-width space are one
-- reference. The reference itself is kept as the client wrote it. Existing rows get their key
-- here (the format characters people paste: soft hyphen, Arabic letter mark, zero-width and
-- direction marks, word joiners, BOM); new rows get it from the service.
alter table client_ledger add column reference_key text;
update client_ledger
   set reference_key = lower(btrim(regexp_replace(normalize(reference, NFKC),
                       '[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]', '', 'g')))
 where reference is not null;
drop index client_ledger_reference_key;
-- named <table>_<field>_key: a violation answers 409 naming "reference"
create unique index client_ledger_reference_key on client_ledger (client_id, kind, reference_key)
    where reference_key is not null;
