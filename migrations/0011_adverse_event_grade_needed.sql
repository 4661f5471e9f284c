PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_adverse_event` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`session_id` text,
	`type` text NOT NULL,
	`red_flag` integer DEFAULT false NOT NULL,
	`red_flag_id` text,
	`severity` integer,
	`occurred_at` text NOT NULL,
	`description` text,
	`action_taken` text,
	`outcome` text,
	`follow_up_needed` integer DEFAULT true NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`closing_note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_adverse_event`("id", "patient_id", "session_id", "type", "red_flag", "red_flag_id", "severity", "occurred_at", "description", "action_taken", "outcome", "follow_up_needed", "closed_at", "closed_by", "closing_note", "created_at", "created_by", "updated_at", "updated_by") SELECT "id", "patient_id", "session_id", "type", "red_flag", "red_flag_id", "severity", "occurred_at", "description", "action_taken", "outcome", "follow_up_needed", "closed_at", "closed_by", "closing_note", "created_at", "created_by", "updated_at", "updated_by" FROM `adverse_event`;--> statement-breakpoint
DROP TABLE `adverse_event`;--> statement-breakpoint
ALTER TABLE `__new_adverse_event` RENAME TO `adverse_event`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `adverse_event_patient` ON `adverse_event` (`patient_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `adverse_event_session` ON `adverse_event` (`session_id`);--> statement-breakpoint
ALTER TABLE `caseload_summary` ADD `ungraded_adverse_events` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- hand-written: an incident may wait for its grade while open, but is never closed without one
-- (every earlier row already has a grade: severity was NOT NULL until this migration).
CREATE TRIGGER `adverse_event_closed_needs_grade` BEFORE UPDATE ON `adverse_event`
WHEN NEW.`closed_at` IS NOT NULL AND NEW.`severity` IS NULL
BEGIN SELECT RAISE(ABORT, 'An adverse event cannot be closed without its grade'); END;--> statement-breakpoint
CREATE TRIGGER `adverse_event_insert_closed_needs_grade` BEFORE INSERT ON `adverse_event`
WHEN NEW.`closed_at` IS NOT NULL AND NEW.`severity` IS NULL
BEGIN SELECT RAISE(ABORT, 'An adverse event cannot be closed without its grade'); END;
