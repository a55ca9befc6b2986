import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Bench data, written with set-based SQL: `users` people and service accounts in every status, 10 % with a
 * confirmed authenticator app, 3 % with a passkey, 5 % each with SMS and email codes, 2 % with 3 face templates,
 * 10 % in one organization, and `signIns` sign-in events spread
 * over the last 30 days (5 % failures) plus as many older events of other kinds.
 */
export async function seedBenchData(db: Database, { users, signIns, orgId }: { users: number; signIns: number; orgId: string }) {
  await db.execute(sql`insert into organizations (id, name) values (${orgId}, 'Bench org')`);
  await db.execute(sql`
    insert into users (name, username, email, is_active, date_expired, locked_until, is_service_account, created_at)
    select 'Bench ' || g, 'bench' || g, 'bench' || g || '@example.test', g % 20 <> 0,
           case when g % 33 = 0 then now() - interval '1 day' end,
           case when g % 100 = 0 then now() + interval '1 hour' end,
           g % 50 = 0, now() - (g % 365) * interval '1 day'
    from generate_series(1, ${users}) g`);
  await db.execute(sql`insert into mfa_totp (user_id, secret_encrypted, confirmed_at) select id, 'x', now() from users where abs(hashtext(id::text)) % 10 = 0`);
  await db.execute(sql`
    insert into webauthn_credentials (id, user_id, name, public_key)
    select 'cred-' || id, id, 'key', '\\x01'::bytea from users where abs(hashtext(id::text)) % 33 = 1`);
  await db.execute(sql`
    insert into mfa_otp_channels (user_id, channel, target)
    select id, c.channel, '+14155550100' from users, (values ('sms'), ('email')) c(channel)
    where abs(hashtext(id::text)) % 20 = (case c.channel when 'sms' then 2 else 4 end)`);
  await db.execute(sql`
    insert into face_templates (user_id, template_encrypted, model, quality)
    select id, 'x', 'bench', 1 from users, generate_series(1, 3) where abs(hashtext(id::text)) % 50 = 5`);
  await db.execute(sql`insert into org_members (org_id, user_id) select ${orgId}, id from users where abs(hashtext(id::text)) % 10 = 3`);
  await db.execute(sql`
    insert into audit_events (occurred_at, actor_kind, actor_label, action, target_type, target_id, org_id, outcome, ip, metadata)
    select now() - random() * interval '30 days', 'user', 'bench', 'auth.sign_in', 'user', gen_random_uuid()::text,
           case when g % 10 = 0 then ${orgId}::uuid end, case when g % 20 = 0 then 'failure' else 'success' end,
           '198.51.100.' || (g % 250), '{"source":"internal","method":"password"}'::jsonb
    from generate_series(1, ${signIns}) g`);
  await db.execute(sql`
    insert into audit_events (occurred_at, actor_kind, actor_label, action, target_type, target_id, outcome)
    select now() - interval '31 days' - random() * interval '300 days', 'user', 'bench', 'user.update', 'user', gen_random_uuid()::text,
           case when g % 50 = 0 then 'denied' else 'success' end
    from generate_series(1, ${signIns}) g`);
  // Steady state: autovacuum keeps the append-only audit table all-visible, so index-only scans stay index-only.
  await db.execute(sql`vacuum analyze`);
}
