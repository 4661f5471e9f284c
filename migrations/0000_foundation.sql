CREATE TABLE `audit_event` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`patient_id` text,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before_json` text,
	`after_json` text,
	`reason` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_event_seq` ON `audit_event` (`seq`);--> statement-breakpoint
CREATE INDEX `audit_event_patient` ON `audit_event` (`patient_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_event_entity` ON `audit_event` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `clinician` (
	`id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`profession` text NOT NULL,
	`registration_number` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `patient` (
	`id` text PRIMARY KEY NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`preferred_name` text,
	`date_of_birth` text NOT NULL,
	`sex` text NOT NULL,
	`mrn` text NOT NULL,
	`status` text DEFAULT 'referred' NOT NULL,
	`family_key` text NOT NULL,
	`given_key` text NOT NULL,
	`preferred_key` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patient_mrn_unique` ON `patient` (`mrn`);--> statement-breakpoint
CREATE INDEX `patient_family_key` ON `patient` (`family_key`,`given_key`);--> statement-breakpoint
CREATE INDEX `patient_given_key` ON `patient` (`given_key`);--> statement-breakpoint
CREATE INDEX `patient_preferred_key` ON `patient` (`preferred_key`);--> statement-breakpoint
CREATE INDEX `patient_status_family` ON `patient` (`status`,`family_key`,`given_key`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TRIGGER `audit_event_no_update` BEFORE UPDATE ON `audit_event`
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_event_no_delete` BEFORE DELETE ON `audit_event`
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be deleted'); END;
