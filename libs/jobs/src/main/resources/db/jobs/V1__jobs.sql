-- Background jobs: one row a job, in the service's own database. Shipped by libs/jobs and applied by the
-- library's own Flyway run (history table tsh_jobs_schema_history) before the service's migrations: JobsSchema.
create table tsh_job (
    id               text        primary key,          -- <application>-<uuid>: the gateway routes by the prefix
    kind             text        not null,
    state            text        not null default 'QUEUED'
                     check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    params           jsonb       not null default '{}',
    started_by       text        not null,             -- the actor: user:<id>
    created_at       timestamptz not null default clock_timestamp(),
    started_at       timestamptz,
    finished_at      timestamptz,
    attempts         integer     not null default 0,   -- claims so far; a lost worker's job is claimed again
    lease_owner      text,
    lease_until      timestamptz,
    progress_done    bigint      not null default 0,
    progress_total   bigint,
    progress_message text,
    checkpoint       jsonb,                             -- where a taken-over job goes on from
    cancel_requested boolean     not null default false,
    result_key       text,
    result_name      text,
    result_type      text,
    result_size      bigint,
    result_expires_at timestamptz,
    error            text
);
-- the workers' claim: queued jobs, and running ones whose lease ran out, oldest first
create index tsh_job_claimable_idx on tsh_job (created_at) where state in ('QUEUED', 'RUNNING');
-- a user's jobs, newest first
create index tsh_job_started_by_idx on tsh_job (started_by, created_at desc);
-- every job, newest first (managers)
create index tsh_job_created_at_idx on tsh_job (created_at desc);
-- the clean-up: results past their keep time, finished jobs past theirs
create index tsh_job_result_expires_idx on tsh_job (result_expires_at) where result_key is not null;
create index tsh_job_finished_at_idx on tsh_job (finished_at) where finished_at is not null;
