"""PostgreSQL: group roles, grants and triggers so that the database itself keeps the rules.

Revision ID: 0003
Revises: 0002

On PostgreSQL the database role (``session_user``) is the user. This revision
creates the group roles ``pressdesk_author`` and ``pressdesk_reviewer`` if missing,
grants them only what the workflow needs (history, versions and reviews can be
added to, never changed or deleted), and adds triggers that hold even against a
plain ``psql`` session:

- every row's author/actor/reviewer is the connected role, nobody writes in another's name;
- a version's hash is checked against its text and the database decides whether it
  changes the content;
- nobody approves a draft whose content they wrote or changed (four eyes, owner included);
  an approval must name the current content; only reviewers review;
- a draft becomes "approved" (or "published") only when the approvals say so, and
  "changes requested" only after a reviewer's return; only a change of text sends it
  back to "draft".

On SQLite this revision does nothing: a file store is not a security boundary.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ROLES = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pressdesk_author') THEN
    CREATE ROLE pressdesk_author NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pressdesk_reviewer') THEN
    CREATE ROLE pressdesk_reviewer NOLOGIN;
  END IF;
  EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident(current_schema())
    || ' TO pressdesk_author, pressdesk_reviewer';
END
$$;
"""

_GRANTS = [
    "REVOKE ALL ON users, drafts, versions, events, reviews, comments, draft_reviewers,"
    " draft_search, alembic_version FROM PUBLIC",
    "GRANT SELECT ON users, drafts, versions, events, reviews, comments, draft_reviewers,"
    " draft_search, alembic_version TO pressdesk_author, pressdesk_reviewer",
    "GRANT INSERT, UPDATE ON drafts TO pressdesk_author, pressdesk_reviewer",
    "GRANT INSERT ON versions, events, comments TO pressdesk_author, pressdesk_reviewer",
    "GRANT UPDATE (resolved_by, resolved_at) ON comments TO pressdesk_author, pressdesk_reviewer",
    "GRANT INSERT, DELETE ON draft_reviewers, draft_search TO pressdesk_author, pressdesk_reviewer",
    "GRANT INSERT ON reviews TO pressdesk_reviewer",
    "GRANT USAGE ON SEQUENCE drafts_id_seq, events_id_seq, comments_id_seq"
    " TO pressdesk_author, pressdesk_reviewer",
    "GRANT USAGE ON SEQUENCE reviews_id_seq TO pressdesk_reviewer",
]

_FUNCTIONS = [
    """
CREATE FUNCTION pressdesk_is_approved(p_draft integer, p_version integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  WITH cur AS (
    SELECT content_hash AS hash,
      (SELECT max(number) FROM versions
        WHERE draft_id = p_draft AND kind = 'version' AND changes_content
          AND number <= p_version) AS since
    FROM versions WHERE draft_id = p_draft AND number = p_version
  ), latest AS (
    SELECT DISTINCT ON (r.reviewer) r.reviewer, r.decision, r.content_hash
    FROM reviews r, cur
    WHERE r.draft_id = p_draft AND r.version_number >= cur.since
    ORDER BY r.reviewer, r.id DESC
  )
  SELECT EXISTS (SELECT 1 FROM latest)
    AND NOT EXISTS (
      SELECT 1 FROM latest, cur
      WHERE latest.decision <> 'approve' OR latest.content_hash <> cur.hash)
    AND NOT EXISTS (
      SELECT 1 FROM draft_reviewers d
      WHERE d.draft_id = p_draft
        AND NOT EXISTS (SELECT 1 FROM latest l WHERE l.reviewer = d.reviewer))
$$;
""",
    """
CREATE FUNCTION pressdesk_drafts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.created_by := session_user;
    NEW.updated_by := session_user;
    NEW.state := 'draft';
    RETURN NEW;
  END IF;
  NEW.id := OLD.id;
  NEW.created_by := OLD.created_by;
  NEW.created_at := OLD.created_at;
  NEW.updated_by := session_user;
  SELECT max(number) INTO latest FROM versions WHERE draft_id = NEW.id AND kind = 'version';
  IF NEW.current_version IS DISTINCT FROM latest THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = 'Die aktuelle Fassung ist immer die neueste Version (' || latest || ').';
  END IF;
  SELECT max(number) INTO NEW.content_since FROM versions
    WHERE draft_id = NEW.id AND kind = 'version' AND changes_content;
  IF NEW.state IN ('approved', 'published')
     AND NOT pressdesk_is_approved(NEW.id, NEW.current_version) THEN
    RAISE EXCEPTION USING ERRCODE = 'PD401',
      MESSAGE = 'Die Datenbank verweigert den Status „' || NEW.state
        || '“: die nötigen Freigaben für diese Fassung fehlen.';
  END IF;
  -- in_review -> draft unchanged: only the author taking a submission back (no approval gained)
  IF NEW.state = 'draft' AND OLD.state <> 'draft' AND NEW.content_since = OLD.content_since
     AND NOT (OLD.state = 'in_review' AND session_user = OLD.created_by) THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = 'Zurück zum Entwurf führt nur eine Änderung des Textes.';
  END IF;
  IF NEW.state = 'in_review' AND OLD.state NOT IN ('draft', 'changes_requested', 'in_review') THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = 'Zur Prüfung geht nur ein Entwurf oder eine zurückgegebene Fassung.';
  END IF;
  IF NEW.state = 'changes_requested' AND OLD.state <> 'changes_requested' AND NOT EXISTS (
      SELECT 1 FROM reviews
      WHERE draft_id = NEW.id AND decision = 'return' AND version_number >= NEW.content_since
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = '„Änderungen erbeten“ setzt eine Rückgabe durch eine Prüferin '
        || 'oder einen Prüfer voraus.';
  END IF;
  IF NEW.state = 'published' AND OLD.state NOT IN ('approved', 'published') THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = 'Nur ein freigegebener Entwurf kann veröffentlicht werden.';
  END IF;
  RETURN NEW;
END
$$;
""",
    """
CREATE FUNCTION pressdesk_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev text;
BEGIN
  NEW.author := session_user;
  IF NEW.content_hash <> encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex') THEN
    RAISE EXCEPTION USING ERRCODE = 'PD422',
      MESSAGE = 'Der Prüfwert der Version passt nicht zu ihrem Text.';
  END IF;
  SELECT v.content_hash INTO prev FROM drafts d
    JOIN versions v ON v.draft_id = d.id AND v.number = d.current_version
    WHERE d.id = NEW.draft_id;
  NEW.changes_content := NEW.kind = 'version' AND (prev IS NULL OR prev <> NEW.content_hash);
  RETURN NEW;
END
$$;
""",
    """
CREATE FUNCTION pressdesk_reviews_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cur_hash text;
  cur_state text;
BEGIN
  NEW.reviewer := session_user;
  IF NOT pg_has_role(session_user, 'pressdesk_reviewer', 'MEMBER') THEN
    RAISE EXCEPTION USING ERRCODE = 'PD403',
      MESSAGE = session_user || ' ist nicht in der Rolle pressdesk_reviewer.';
  END IF;
  SELECT d.state, v.content_hash INTO cur_state, cur_hash FROM drafts d
    JOIN versions v ON v.draft_id = d.id AND v.number = d.current_version
    WHERE d.id = NEW.draft_id;
  IF cur_state IS NULL OR cur_state NOT IN ('in_review', 'approved') THEN
    RAISE EXCEPTION USING ERRCODE = 'PD409',
      MESSAGE = 'Der Entwurf ist nicht in Prüfung.';
  END IF;
  IF NEW.content_hash IS DISTINCT FROM cur_hash THEN
    RAISE EXCEPTION USING ERRCODE = 'PD410',
      MESSAGE = 'Die Prüfung nennt nicht die aktuelle Fassung des Entwurfs.';
  END IF;
  IF NEW.decision = 'approve' AND EXISTS (
      SELECT 1 FROM versions
      WHERE draft_id = NEW.draft_id AND author = session_user AND changes_content) THEN
    RAISE EXCEPTION USING ERRCODE = 'PD401',
      MESSAGE = 'Vier-Augen-Prinzip: ' || session_user
        || ' hat diesen Text geschrieben oder geändert und kann ihn nicht freigeben.';
  END IF;
  RETURN NEW;
END
$$;
""",
    """
CREATE FUNCTION pressdesk_actor_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'events' THEN
    NEW.actor := session_user;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.author := session_user;
    NEW.resolved_by := NULL;
    NEW.resolved_at := NULL;
  ELSE
    NEW.resolved_by := session_user;
  END IF;
  RETURN NEW;
END
$$;
""",
]

_TRIGGERS = [
    "CREATE TRIGGER pressdesk_drafts_guard BEFORE INSERT OR UPDATE ON drafts"
    " FOR EACH ROW EXECUTE FUNCTION pressdesk_drafts_guard()",
    "CREATE TRIGGER pressdesk_versions_guard BEFORE INSERT ON versions"
    " FOR EACH ROW EXECUTE FUNCTION pressdesk_versions_guard()",
    "CREATE TRIGGER pressdesk_reviews_guard BEFORE INSERT ON reviews"
    " FOR EACH ROW EXECUTE FUNCTION pressdesk_reviews_guard()",
    "CREATE TRIGGER pressdesk_events_guard BEFORE INSERT ON events"
    " FOR EACH ROW EXECUTE FUNCTION pressdesk_actor_guard()",
    "CREATE TRIGGER pressdesk_comments_guard BEFORE INSERT OR UPDATE ON comments"
    " FOR EACH ROW EXECUTE FUNCTION pressdesk_actor_guard()",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_ROLES)
    for statement in (*_GRANTS, *_FUNCTIONS, *_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("PressDesk never downgrades a store.")
