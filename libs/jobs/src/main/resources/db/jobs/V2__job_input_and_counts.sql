-- A job's input file (an uploaded import): kept in the service's database, not on a replica's disk, so the worker
-- of any replica can take the job. Bounded by the route's upload limit; deleted when the job finishes.
create table tsh_job_input (
    job_id       text   primary key references tsh_job (id) on delete cascade,
    name         text   not null,
    content_type text   not null,
    size         bigint not null,
    data         bytea  not null
);
-- What a job counted (an import: rows, created, updated, unchanged, refused), shown with its state.
alter table tsh_job add column counts jsonb;
