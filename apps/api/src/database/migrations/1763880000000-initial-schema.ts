import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763880000000 implements MigrationInterface {
  name = 'InitialSchema1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('ADMIN','COORDINATOR','MEMBER','VIEWER')),
        teams text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_token_user ON api_token (user_id)`);
    // Installation-wide secrets (e.g. the cursor signing key), shared by every API process.
    await q.query(`CREATE TABLE app_secret (name text PRIMARY KEY, value text NOT NULL)`);
    // Demo mode only: the demo users' tokens in clear, so the admin UI's picker can sign in as them.
    await q.query(`
      CREATE TABLE demo_credential (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        token text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE launch (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        description text,
        stage text NOT NULL,
        blocked boolean NOT NULL DEFAULT false,
        coordinator_id uuid NOT NULL REFERENCES app_user(id),
        target_ga_date timestamptz,
        support_lead_days int NOT NULL,
        block_response_hours double precision NOT NULL,
        early_access_granted_at timestamptz,
        version int NOT NULL,
        machine_version int NOT NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX launch_updated_keyset ON launch (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX launch_stage ON launch (stage, updated_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE checklist_item (
        id uuid PRIMARY KEY,
        launch_id uuid NOT NULL REFERENCES launch(id),
        stage text NOT NULL,
        team text NOT NULL,
        title text NOT NULL,
        description text,
        required boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','DONE','WAIVED')),
        evidence_url text,
        note text,
        completed_by_id uuid REFERENCES app_user(id),
        completed_at timestamptz,
        position int NOT NULL
      )`);
    await q.query(`CREATE INDEX checklist_item_launch ON checklist_item (launch_id, position)`);
    await q.query(`
      CREATE TABLE sign_off (
        id uuid PRIMARY KEY,
        launch_id uuid NOT NULL REFERENCES launch(id),
        stage text NOT NULL,
        team text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('GO','NO_GO')),
        comment text,
        signed_by_id uuid NOT NULL REFERENCES app_user(id),
        signed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE','SUPERSEDED')),
        override boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX sign_off_launch ON sign_off (launch_id, stage, team)`);
    await q.query(`
      CREATE TABLE launch_event (
        id uuid PRIMARY KEY,
        launch_id uuid NOT NULL REFERENCES launch(id),
        sequence int NOT NULL CHECK (sequence > 0),
        type text NOT NULL,
        stage text NOT NULL,
        team text,
        actor_id uuid REFERENCES app_user(id),
        at timestamptz NOT NULL,
        data jsonb NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT launch_event_sequence UNIQUE (launch_id, sequence)
      )`);
    // The audit log is append-only for every connection, the superuser's included.
    await q.query(`
      CREATE FUNCTION launch_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'launch_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER launch_event_no_update_delete BEFORE UPDATE OR DELETE ON launch_event
      FOR EACH ROW EXECUTE FUNCTION launch_event_append_only()`);
    await q.query(`
      CREATE TRIGGER launch_event_no_truncate BEFORE TRUNCATE ON launch_event
      FOR EACH STATEMENT EXECUTE FUNCTION launch_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'launch_event',
      'sign_off',
      'checklist_item',
      'launch',
      'demo_credential',
      'app_secret',
      'api_token',
      'app_user',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS launch_event_append_only()`);
  }
}
