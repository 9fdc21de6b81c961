-- ID-number key versions (issue 14): a cipher or blind index written under key version N > 1 is prefixed "vN:"
-- (no prefix: version 1, every row written before keys had versions). The rotation job re-encrypts the rows whose
-- version is not the current one; these expression indexes let it find them without reading the whole table.
alter table cadre alter column id_number_index type varchar(80);

create index cadre_id_number_key_version
    on cadre ((coalesce(substring(id_number_cipher from '^v([0-9]+):')::int, 1)));
create index roster_frozen_entry_id_number_key_version
    on roster_frozen_entry ((coalesce(substring(id_number_cipher from '^v([0-9]+):')::int, 1)));
