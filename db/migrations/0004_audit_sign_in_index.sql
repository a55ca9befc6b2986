DROP INDEX "audit_events_action_occurred_idx";--> statement-breakpoint
CREATE INDEX "audit_events_action_time_idx" ON "audit_events" USING btree ("action","occurred_at","outcome","org_id");