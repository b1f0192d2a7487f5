-- The district centre's schema (PostgreSQL 15): every site's event log, the
-- projections the ingest keeps, and what the district sends down. Applied by
-- `antrian-district setup` in one transaction; every statement is idempotent so a
-- second run changes nothing.
--
-- Who may do what:
--   antrian_site       group of the site roles (one LOGIN role per site, made by
--                      `antrian-district add-site`). No table privileges at all: a
--                      site only calls the SECURITY DEFINER functions below, each of
--                      which finds the site from session_user, so a site's credential
--                      can neither name nor touch another site's rows.
--   antrian_dashboard  the dashboard: reads everything, publishes notices.
CREATE SCHEMA IF NOT EXISTS district;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'antrian_site') THEN CREATE ROLE antrian_site NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'antrian_dashboard') THEN CREATE ROLE antrian_dashboard NOLOGIN; END IF;
END $$;

REVOKE ALL ON SCHEMA district FROM PUBLIC;
GRANT USAGE ON SCHEMA district TO antrian_site, antrian_dashboard;

CREATE TABLE IF NOT EXISTS district.sites (
  site     text PRIMARY KEY CHECK (site ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name     text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  db_role  text NOT NULL UNIQUE,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- The raw log, partitioned by month of the event's time, so a year is twelve tables
-- that are cheap to keep and dropped whole. (site, seq) is the identity of an event;
-- a partitioned table's key must hold the partition column, and an event's `at` never
-- changes, so (site, seq, at) is unique exactly when (site, seq) is.
CREATE TABLE IF NOT EXISTS district.events (
  site  text NOT NULL,
  seq   bigint NOT NULL,
  at    timestamptz NOT NULL,
  type  text NOT NULL,
  actor text NOT NULL,
  data  jsonb NOT NULL,
  PRIMARY KEY (site, seq, at)
) PARTITION BY RANGE (at);

-- Per site: how far the centre has it, and when the site was last heard from.
CREATE TABLE IF NOT EXISTS district.site_status (
  site          text PRIMARY KEY REFERENCES district.sites ON DELETE CASCADE,
  acked_seq     bigint NOT NULL DEFAULT 0,  -- every event up to here is stored
  hub_seq       bigint NOT NULL DEFAULT 0,  -- the newest event the site's log holds
  last_contact  timestamptz,                -- the centre's clock
  site_clock    timestamptz,                -- the hub's clock at that contact
  office_name   text NOT NULL DEFAULT '',
  day           text NOT NULL DEFAULT '',
  announcement  text NOT NULL DEFAULT '',
  events_stored bigint NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS district.site_services (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  code text NOT NULL,
  name_id text NOT NULL, name_en text NOT NULL,
  status text NOT NULL,
  waiting int NOT NULL,
  longest_wait_s bigint,          -- the oldest waiting ticket, at the site's clock
  open_counters int NOT NULL,
  issued_today int NOT NULL,
  done_today int NOT NULL,
  tickets_left int,               -- null: no limit known
  limited_by text NOT NULL,
  eta_new_s bigint,
  expected_end timestamptz,
  PRIMARY KEY (site, code)
);

CREATE TABLE IF NOT EXISTS district.site_disruptions (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  id bigint NOT NULL,
  resource text NOT NULL, level text NOT NULL,
  started_at timestamptz NOT NULL, expected_end timestamptz,
  message_id text NOT NULL, message_en text NOT NULL,
  services text[] NOT NULL, declared_by text NOT NULL,
  active boolean NOT NULL, cleared_at timestamptz,
  PRIMARY KEY (site, id)
);

CREATE TABLE IF NOT EXISTS district.site_resources (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  id text NOT NULL, kind text NOT NULL,
  name_id text NOT NULL, name_en text NOT NULL,
  total int NOT NULL, working int NOT NULL, stock int NOT NULL, low_threshold int NOT NULL,
  PRIMARY KEY (site, id)
);

CREATE TABLE IF NOT EXISTS district.site_devices (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  id text NOT NULL, state text NOT NULL, message text NOT NULL, at timestamptz NOT NULL,
  PRIMARY KEY (site, id)
);

-- The come-back list per service (shared/src/comeback.cpp comeback_counts, the hub's
-- own figure): open entries, and those that came or expired today.
ALTER TABLE district.site_services ADD COLUMN IF NOT EXISTS comeback_waiting int NOT NULL DEFAULT 0;
ALTER TABLE district.site_services ADD COLUMN IF NOT EXISTS comeback_invited int NOT NULL DEFAULT 0;
ALTER TABLE district.site_services ADD COLUMN IF NOT EXISTS comeback_came int NOT NULL DEFAULT 0;
ALTER TABLE district.site_services ADD COLUMN IF NOT EXISTS comeback_expired int NOT NULL DEFAULT 0;

-- A day's tickets per service and loket (loket 0: never called), for reports.
CREATE TABLE IF NOT EXISTS district.site_day_counts (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  day date NOT NULL, service text NOT NULL, counter int NOT NULL,
  issued int NOT NULL, done int NOT NULL, no_show int NOT NULL, cancelled int NOT NULL,
  transferred int NOT NULL,
  wait_s_sum bigint NOT NULL, wait_n int NOT NULL, serve_s_sum bigint NOT NULL, serve_n int NOT NULL,
  PRIMARY KEY (site, day, service, counter)
);

-- Blangko cards used per day (every fall of the stock), the base of "days left".
CREATE TABLE IF NOT EXISTS district.site_blangko_days (
  site text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  day date NOT NULL, resource text NOT NULL,
  used int NOT NULL, stock_end int NOT NULL,
  PRIMARY KEY (site, day, resource)
);

-- District-wide disruptions and announcements, sent down to every site (or some).
CREATE TABLE IF NOT EXISTS district.notices (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('disruption', 'announcement')),
  version      int NOT NULL DEFAULT 1,
  body         jsonb NOT NULL,
  sites        text[],                      -- null: every site
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT '',
  cleared_at   timestamptz
);

-- What each site's hub has applied (reported by its forwarder).
CREATE TABLE IF NOT EXISTS district.notice_applied (
  site       text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  notice_id  bigint NOT NULL REFERENCES district.notices ON DELETE CASCADE,
  version    int NOT NULL,
  state      text NOT NULL CHECK (state IN ('active', 'cleared')),
  hub_ref    text NOT NULL DEFAULT '',
  error      text NOT NULL DEFAULT '',
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site, notice_id)
);

-- Configuration sent down (docs/DISTRICT.md): the district's template and per-site
-- overrides, each a layer (shared/include/antrian/config_layer.h). Every edit is a new
-- row with a version from one sequence; a site's published version is the newer of
-- the newest template and its newest override.
CREATE SEQUENCE IF NOT EXISTS district.config_version_seq;
CREATE TABLE IF NOT EXISTS district.config_docs (
  version      bigint PRIMARY KEY DEFAULT nextval('district.config_version_seq'),
  site         text REFERENCES district.sites ON DELETE CASCADE,  -- null: the district's template
  doc          jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object'),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT '',
  note         text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS config_docs_by_site ON district.config_docs (site, version DESC);

-- The forwarder's last word about a version: applied by the hub, or refused (why).
CREATE TABLE IF NOT EXISTS district.config_reports (
  site        text PRIMARY KEY REFERENCES district.sites ON DELETE CASCADE,
  version     bigint NOT NULL,
  state       text NOT NULL CHECK (state IN ('applied', 'refused')),
  error       text NOT NULL DEFAULT '',
  reported_at timestamptz NOT NULL DEFAULT now()
);
-- The version the site's log says its hub runs (config_applied events, 0: its own file).
ALTER TABLE district.site_status ADD COLUMN IF NOT EXISTS config_version bigint NOT NULL DEFAULT 0;
ALTER TABLE district.site_status ADD COLUMN IF NOT EXISTS config_applied_at timestamptz;

-- Targets per site and service (tickets served, i.e. done), for a day or an ISO week.
CREATE TABLE IF NOT EXISTS district.targets (
  site    text NOT NULL REFERENCES district.sites ON DELETE CASCADE,
  service text NOT NULL CHECK (service ~ '^[A-Z]{1,3}$'),
  period  text NOT NULL CHECK (period IN ('day', 'week')),
  target  int NOT NULL CHECK (target BETWEEN 1 AND 10000000),
  set_at  timestamptz NOT NULL DEFAULT now(),
  set_by  text NOT NULL DEFAULT '',
  PRIMARY KEY (site, service, period)
);

-- The people of the Dinas who may sign in to the dashboard: a name and an Argon2id
-- hash (libsodium's crypto_pwhash_str, as the hub keeps staff PINs). The dashboard
-- reads it to check a sign-in; `antrian-district add-user` writes it.
CREATE TABLE IF NOT EXISTS district.dashboard_users (
  name       text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  pwhash     text NOT NULL CHECK (pwhash LIKE '$argon2id$%'),
  full_name  text NOT NULL DEFAULT '' CHECK (length(full_name) <= 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON ALL TABLES IN SCHEMA district FROM PUBLIC, antrian_site;
GRANT SELECT ON ALL TABLES IN SCHEMA district TO antrian_dashboard;
GRANT INSERT, UPDATE ON district.notices TO antrian_dashboard;
GRANT USAGE ON SEQUENCE district.notices_id_seq TO antrian_dashboard;
GRANT INSERT ON district.config_docs TO antrian_dashboard;
GRANT USAGE ON SEQUENCE district.config_version_seq TO antrian_dashboard;
GRANT INSERT, UPDATE, DELETE ON district.targets TO antrian_dashboard;

-- The site behind this connection, or an error that says what is wrong.
CREATE OR REPLACE FUNCTION district.my_site() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE s text;
BEGIN
  SELECT site INTO s FROM district.sites WHERE db_role = session_user;
  IF s IS NULL THEN
    RAISE EXCEPTION 'the database role "%" is not a site; add it with antrian-district add-site', session_user
      USING ERRCODE = '42501';
  END IF;
  RETURN s;
END $$;

-- The month partition for a time, made when first needed. Called before the batch
-- inserts anything, so the lock it takes never waits behind this transaction's own rows.
CREATE OR REPLACE FUNCTION district.ensure_month(t timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE
  first date := date_trunc('month', t AT TIME ZONE 'UTC')::date;
  name text := 'events_' || to_char(first, 'YYYY_MM');
BEGIN
  IF to_regclass('district.' || name) IS NOT NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('district.events partitions'));
  IF to_regclass('district.' || name) IS NOT NULL THEN RETURN; END IF;
  EXECUTE format('CREATE TABLE district.%I PARTITION OF district.events FOR VALUES FROM (%L) TO (%L)',
                 name, (first::timestamp AT TIME ZONE 'UTC'), ((first + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
END $$;

-- How far the centre has this site's log.
CREATE OR REPLACE FUNCTION district.acked_seq() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $$
  SELECT COALESCE((SELECT acked_seq FROM district.site_status WHERE site = district.my_site()), 0)
$$;

-- One batch of the site's log, staged by the forwarder in its session's temporary
-- table pg_temp.district_batch (made by district.stage_batch(), filled with COPY, the
-- fastest way into PostgreSQL), and the projection after its last event. One
-- transaction: the events are stored at most once (a batch sent twice inserts nothing
-- the second time), and the projection moves only forward. The site is the caller's
-- own; whatever the staged rows say, they are stored as that site's.
CREATE OR REPLACE FUNCTION district.stage_batch() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS district_batch (seq bigint NOT NULL, at_ms bigint NOT NULL, type text NOT NULL,
                                                  actor text NOT NULL, data jsonb NOT NULL) ON COMMIT DELETE ROWS;
END $$;

CREATE OR REPLACE FUNCTION district.ingest_staged(p_from_seq bigint, p_projection jsonb, p_hub_seq bigint,
                                                  p_site_clock_ms bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE
  s text := district.my_site();
  acked bigint;
  n bigint; lo bigint; hi bigint; nd bigint;
  last_seq bigint;
  m record;
  added bigint;
BEGIN
  INSERT INTO district.site_status (site) VALUES (s) ON CONFLICT DO NOTHING;
  SELECT acked_seq INTO acked FROM district.site_status WHERE site = s FOR UPDATE;
  SELECT count(*), min(seq), max(seq), count(DISTINCT seq) INTO n, lo, hi, nd FROM pg_temp.district_batch;
  IF n > 0 AND (lo <> p_from_seq OR hi - lo + 1 <> n OR nd <> n) THEN
    RAISE EXCEPTION 'events must be consecutive from seq %', p_from_seq USING ERRCODE = '22023';
  END IF;
  last_seq := p_from_seq + n - 1;
  IF p_from_seq > acked + 1 THEN
    RAISE EXCEPTION 'batch starts at % but the centre has this site only up to %; resend from %', p_from_seq, acked, acked + 1
      USING ERRCODE = '22023';
  END IF;
  IF last_seq > acked THEN
    FOR m IN SELECT DISTINCT date_trunc('month', to_timestamp(at_ms / 1000.0) AT TIME ZONE 'UTC') AS month
             FROM pg_temp.district_batch WHERE seq > acked LOOP
      PERFORM district.ensure_month(m.month AT TIME ZONE 'UTC');
    END LOOP;
    INSERT INTO district.events (site, seq, at, type, actor, data)
      SELECT s, seq, to_timestamp(at_ms / 1000.0), type, actor, data FROM pg_temp.district_batch WHERE seq > acked
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    IF p_projection IS NOT NULL AND jsonb_typeof(p_projection) = 'object' THEN
      PERFORM district.apply_projection(s, p_projection);
    END IF;
    UPDATE district.site_status SET acked_seq = last_seq, events_stored = events_stored + added WHERE site = s;
  END IF;
  UPDATE district.site_status
     SET hub_seq = GREATEST(p_hub_seq, last_seq, hub_seq), last_contact = now(),
         site_clock = to_timestamp(p_site_clock_ms / 1000.0)
   WHERE site = s;
  DELETE FROM pg_temp.district_batch;
  RETURN GREATEST(acked, last_seq);
END $$;

-- The forwarder's fast path: district.begin_batch, then COPY straight into
-- district.events (a site may insert only rows of its own site: row-level security
-- below), then district.finish_batch; all in one transaction. The key (site, seq, at)
-- refuses an event stored before, so a batch sent twice fails as a whole and the
-- forwarder starts again from what the centre acknowledged: each event exactly once.
CREATE OR REPLACE FUNCTION district.begin_batch(p_from_seq bigint, p_first_at_ms bigint, p_last_at_ms bigint)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE
  s text := district.my_site();
  acked bigint;
  month timestamp;
BEGIN
  -- Two ingest slots: when a hundred sites send at once, the batches take turns
  -- (waiting costs nothing) instead of thrashing the centre's cores, so the dashboard
  -- keeps answering. Held until the transaction ends.
  PERFORM pg_advisory_xact_lock(16016, abs(hashtext(s)) % 2);
  INSERT INTO district.site_status (site) VALUES (s) ON CONFLICT DO NOTHING;
  SELECT acked_seq INTO acked FROM district.site_status WHERE site = s FOR UPDATE;
  IF p_from_seq <> acked + 1 THEN
    RAISE EXCEPTION 'batch starts at % but the centre has this site up to %; resend from %', p_from_seq, acked, acked + 1
      USING ERRCODE = '22023';
  END IF;
  IF p_last_at_ms < p_first_at_ms OR p_last_at_ms - p_first_at_ms > 400::bigint * 86400000 THEN
    RAISE EXCEPTION 'batch times % to % make no sense', p_first_at_ms, p_last_at_ms USING ERRCODE = '22023';
  END IF;
  month := date_trunc('month', to_timestamp(p_first_at_ms / 1000.0) AT TIME ZONE 'UTC');
  WHILE month <= to_timestamp(p_last_at_ms / 1000.0) AT TIME ZONE 'UTC' LOOP
    PERFORM district.ensure_month(month AT TIME ZONE 'UTC');
    month := month + interval '1 month';
  END LOOP;
  RETURN s;
END $$;

CREATE OR REPLACE FUNCTION district.finish_batch(p_from_seq bigint, p_last_seq bigint, p_projection jsonb,
                                                 p_hub_seq bigint, p_site_clock_ms bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE
  s text := district.my_site();
  acked bigint;
  n bigint;
BEGIN
  SELECT acked_seq INTO acked FROM district.site_status WHERE site = s FOR UPDATE;
  IF p_from_seq <> acked + 1 THEN
    RAISE EXCEPTION 'batch starts at % but the centre has this site up to %', p_from_seq, acked USING ERRCODE = '22023';
  END IF;
  SELECT count(*) INTO n FROM district.events WHERE site = s AND seq BETWEEN p_from_seq AND p_last_seq;
  IF n <> p_last_seq - p_from_seq + 1 OR EXISTS (SELECT 1 FROM district.events WHERE site = s AND seq > p_last_seq) THEN
    RAISE EXCEPTION 'the batch % to % is not whole (% events stored)', p_from_seq, p_last_seq, n USING ERRCODE = '22023';
  END IF;
  IF p_projection IS NOT NULL AND jsonb_typeof(p_projection) = 'object' THEN
    PERFORM district.apply_projection(s, p_projection);
  END IF;
  UPDATE district.site_status
     SET acked_seq = p_last_seq, events_stored = events_stored + n, hub_seq = GREATEST(p_hub_seq, p_last_seq, hub_seq),
         last_contact = now(), site_clock = to_timestamp(p_site_clock_ms / 1000.0)
   WHERE site = s;
  RETURN p_last_seq;
END $$;

-- The same with the events as one JSON array of [seq, at_ms, type, actor, data] (for
-- tools and tests; the forwarder stages with COPY).
CREATE OR REPLACE FUNCTION district.ingest(p_from_seq bigint, p_events jsonb, p_projection jsonb,
                                           p_hub_seq bigint, p_site_clock_ms bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_typeof(p_events) IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'events must be a JSON array' USING ERRCODE = '22023';
  END IF;
  PERFORM district.stage_batch();
  DELETE FROM pg_temp.district_batch;
  INSERT INTO pg_temp.district_batch
    SELECT (e->>0)::bigint, (e->>1)::bigint, e->>2, e->>3, e->4 FROM jsonb_array_elements(p_events) e;
  RETURN district.ingest_staged(p_from_seq, p_projection, p_hub_seq, p_site_clock_ms);
END $$;

-- The forwarder's "still here" with nothing new to send.
CREATE OR REPLACE FUNCTION district.heartbeat(p_hub_seq bigint, p_site_clock_ms bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
DECLARE s text := district.my_site(); acked bigint;
BEGIN
  INSERT INTO district.site_status (site) VALUES (s) ON CONFLICT DO NOTHING;
  UPDATE district.site_status SET hub_seq = GREATEST(hub_seq, p_hub_seq), last_contact = now(),
         site_clock = to_timestamp(p_site_clock_ms / 1000.0)
   WHERE site = s RETURNING acked_seq INTO acked;
  RETURN acked;
END $$;

-- Replaces the site's current picture with the one computed after its newest event.
-- Not callable by sites directly (only through ingest, which names the site itself).
CREATE OR REPLACE FUNCTION district.apply_projection(s text, p jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = district, pg_temp AS $$
BEGIN
  UPDATE district.site_status SET office_name = COALESCE(p->>'office_name', ''), day = COALESCE(p->>'day', ''),
         announcement = COALESCE(p->>'announcement', ''),
         config_version = COALESCE((p->>'config_version')::bigint, config_version),
         config_applied_at = COALESCE(to_timestamp((p->>'config_applied_at')::bigint / 1000.0), config_applied_at)
   WHERE site = s;
  DELETE FROM district.site_services WHERE site = s;
  INSERT INTO district.site_services (site, code, name_id, name_en, status, waiting, longest_wait_s, open_counters,
         issued_today, done_today, tickets_left, limited_by, eta_new_s, expected_end, comeback_waiting,
         comeback_invited, comeback_came, comeback_expired)
    SELECT s, code, name_id, name_en, status, waiting, longest_wait_s, open_counters, issued_today, done_today,
           tickets_left, limited_by, eta_new_s, to_timestamp(expected_end / 1000.0), COALESCE(comeback_waiting, 0),
           COALESCE(comeback_invited, 0), COALESCE(comeback_came, 0), COALESCE(comeback_expired, 0)
    FROM jsonb_to_recordset(p->'services') AS x(code text, name_id text, name_en text, status text, waiting int,
         longest_wait_s bigint, open_counters int, issued_today int, done_today int, tickets_left int,
         limited_by text, eta_new_s bigint, expected_end bigint, comeback_waiting int, comeback_invited int,
         comeback_came int, comeback_expired int);
  DELETE FROM district.site_disruptions WHERE site = s;
  INSERT INTO district.site_disruptions
    SELECT s, id, resource, level, to_timestamp(started_at / 1000.0), to_timestamp(expected_end / 1000.0),
           message_id, message_en, ARRAY(SELECT jsonb_array_elements_text(services)), declared_by, active,
           to_timestamp(NULLIF(cleared_at, 0) / 1000.0)
    FROM jsonb_to_recordset(p->'disruptions') AS x(id bigint, resource text, level text, started_at bigint,
         expected_end bigint, message_id text, message_en text, services jsonb, declared_by text, active boolean,
         cleared_at bigint);
  DELETE FROM district.site_resources WHERE site = s;
  INSERT INTO district.site_resources
    SELECT s, id, kind, name_id, name_en, total, working, stock, low_threshold
    FROM jsonb_to_recordset(p->'resources') AS x(id text, kind text, name_id text, name_en text, total int,
         working int, stock int, low_threshold int);
  DELETE FROM district.site_devices WHERE site = s;
  INSERT INTO district.site_devices
    SELECT s, id, state, message, to_timestamp(at / 1000.0)
    FROM jsonb_to_recordset(p->'devices') AS x(id text, state text, message text, at bigint);
  -- A day's counts come whole (every service and loket of the day, from its tickets):
  -- a row the day no longer has goes. (Upserting alone kept, e.g., the row of tickets
  -- waiting at loket 0 after they were all called, counting them twice; found by
  -- bench/district-kill-drill.sh comparing with a replay in one batch.)
  DELETE FROM district.site_day_counts c
   WHERE c.site = s AND c.day IN (SELECT DISTINCT x.day FROM jsonb_to_recordset(p->'day_counts') AS x(day date));
  INSERT INTO district.site_day_counts
    SELECT s, day, service, counter, issued, done, no_show, cancelled, transferred, wait_s_sum, wait_n,
           serve_s_sum, serve_n
    FROM jsonb_to_recordset(p->'day_counts') AS x(day date, service text, counter int, issued int, done int,
         no_show int, cancelled int, transferred int, wait_s_sum bigint, wait_n int, serve_s_sum bigint, serve_n int)
  ON CONFLICT (site, day, service, counter) DO UPDATE SET issued = excluded.issued, done = excluded.done,
    no_show = excluded.no_show, cancelled = excluded.cancelled, transferred = excluded.transferred,
    wait_s_sum = excluded.wait_s_sum, wait_n = excluded.wait_n, serve_s_sum = excluded.serve_s_sum,
    serve_n = excluded.serve_n;
  INSERT INTO district.site_blangko_days
    SELECT s, day, resource, used, stock_end
    FROM jsonb_to_recordset(p->'blangko_days') AS x(day date, resource text, used int, stock_end int)
  ON CONFLICT (site, day, resource) DO UPDATE SET used = excluded.used, stock_end = excluded.stock_end;
END $$;

-- District notices this site's hub has not applied in their current version and state.
CREATE OR REPLACE FUNCTION district.pending_notices()
RETURNS TABLE (id bigint, kind text, version int, body jsonb, state text, applied_version int,
               applied_state text, hub_ref text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $$
  SELECT n.id, n.kind, n.version, n.body, CASE WHEN n.cleared_at IS NULL THEN 'active' ELSE 'cleared' END,
         COALESCE(a.version, 0), COALESCE(a.state, ''), COALESCE(a.hub_ref, '')
  FROM district.notices n
  LEFT JOIN district.notice_applied a ON a.notice_id = n.id AND a.site = district.my_site()
  WHERE (n.sites IS NULL OR district.my_site() = ANY (n.sites))
    AND (a.notice_id IS NULL OR a.version <> n.version
         OR a.state <> CASE WHEN n.cleared_at IS NULL THEN 'active' ELSE 'cleared' END)
    -- a notice cleared before this site ever applied it has nothing to undo
    AND NOT (a.notice_id IS NULL AND n.cleared_at IS NOT NULL)
  ORDER BY n.id
$$;

CREATE OR REPLACE FUNCTION district.report_applied(p_notice bigint, p_version int, p_state text, p_hub_ref text,
                                                   p_error text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = district, pg_temp AS $$
  INSERT INTO district.notice_applied (site, notice_id, version, state, hub_ref, error)
  VALUES (district.my_site(), p_notice, p_version, p_state, p_hub_ref, p_error)
  ON CONFLICT (site, notice_id) DO UPDATE SET version = excluded.version, state = excluded.state,
    hub_ref = excluded.hub_ref, error = excluded.error, applied_at = now()
$$;

-- A site's published configuration: the newest template and the site's newest
-- override (either may be missing: null); no row when neither was ever published.
CREATE OR REPLACE FUNCTION district.site_config(p_site text)
RETURNS TABLE (version bigint, district_doc jsonb, site_doc jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $$
  SELECT GREATEST(d.version, o.version), d.doc, o.doc
  FROM (SELECT c.version, c.doc FROM district.config_docs c WHERE c.site IS NULL ORDER BY c.version DESC LIMIT 1) d
  FULL JOIN (SELECT c.version, c.doc FROM district.config_docs c WHERE c.site = p_site ORDER BY c.version DESC LIMIT 1) o
    ON true
$$;

-- This site's published configuration and the forwarder's last report about it.
CREATE OR REPLACE FUNCTION district.my_config()
RETURNS TABLE (version bigint, district_doc jsonb, site_doc jsonb, reported_version bigint, reported_state text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = district, pg_temp AS $$
  SELECT c.version, c.district_doc, c.site_doc, COALESCE(r.version, 0), COALESCE(r.state, '')
  FROM district.site_config(district.my_site()) c
  LEFT JOIN district.config_reports r ON r.site = district.my_site()
$$;

CREATE OR REPLACE FUNCTION district.report_config(p_version bigint, p_state text, p_error text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = district, pg_temp AS $$
  INSERT INTO district.config_reports (site, version, state, error)
  VALUES (district.my_site(), p_version, p_state, left(COALESCE(p_error, ''), 2000))
  ON CONFLICT (site) DO UPDATE SET version = excluded.version, state = excluded.state, error = excluded.error,
    reported_at = now()
$$;

-- Sites insert their own rows only (the COPY of the fast path); no other right. A site
-- may not name the site of a row at all: it has INSERT on the other columns only, and
-- the row's site is the credential's own, from its role's name ("site_<id>", made so by
-- add-site; any other role gets no site and the row is refused by NOT NULL). COPY does
-- not work with row-level security; a per-row PL/pgSQL trigger that checked the site
-- cost a fifth of the ingest (bench/district-load.sh), a column default costs nothing.
ALTER TABLE district.events ALTER COLUMN site
  SET DEFAULT (CASE WHEN current_user::text LIKE 'site\_%' THEN substr(current_user::text, 6) END);
REVOKE INSERT ON district.events FROM antrian_site;
GRANT INSERT (seq, at, type, actor, data) ON district.events TO antrian_site;
DROP TRIGGER IF EXISTS events_own_site ON district.events;
DROP FUNCTION IF EXISTS district.check_event_site();

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA district FROM PUBLIC;
GRANT EXECUTE ON FUNCTION district.my_site(), district.acked_seq(), district.ingest(bigint, jsonb, jsonb, bigint, bigint),
  district.stage_batch(), district.ingest_staged(bigint, jsonb, bigint, bigint),
  district.begin_batch(bigint, bigint, bigint), district.finish_batch(bigint, bigint, jsonb, bigint, bigint),
  district.heartbeat(bigint, bigint), district.pending_notices(),
  district.report_applied(bigint, int, text, text, text), district.my_config(),
  district.report_config(bigint, text, text) TO antrian_site;
GRANT EXECUTE ON FUNCTION district.site_config(text) TO antrian_dashboard;
