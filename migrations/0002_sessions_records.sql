CREATE TABLE `adverse_event` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`session_id` text,
	`type` text NOT NULL,
	`red_flag` integer DEFAULT false NOT NULL,
	`severity` integer NOT NULL,
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
CREATE INDEX `adverse_event_patient` ON `adverse_event` (`patient_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `adverse_event_session` ON `adverse_event` (`session_id`);--> statement-breakpoint
CREATE TABLE `exercise` (
	`id` text PRIMARY KEY NOT NULL,
	`starter_key` text,
	`name` text NOT NULL,
	`modality` text NOT NULL,
	`position` text NOT NULL,
	`equipment_json` text DEFAULT '[]' NOT NULL,
	`impact` text NOT NULL,
	`weight_bearing` integer NOT NULL,
	`chair_based` integer DEFAULT false NOT NULL,
	`tags_json` text DEFAULT '[]' NOT NULL,
	`description` text NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_starter_key` ON `exercise` (`starter_key`);--> statement-breakpoint
CREATE INDEX `exercise_name` ON `exercise` (`name`);--> statement-breakpoint
CREATE TABLE `exercise_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`planned` integer NOT NULL,
	`sets` integer,
	`reps` integer,
	`load_kg` real,
	`duration_min` real,
	`rpe` integer,
	`peak_hr` integer,
	`spo2` integer,
	`pain_change` integer,
	`outcome` text NOT NULL,
	`reason` text,
	`override_note` text,
	`conflicts_json` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exercise_entry_session` ON `exercise_entry` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `exercise_plan` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`version` integer NOT NULL,
	`sessions_per_week` integer NOT NULL,
	`session_minutes` integer NOT NULL,
	`cycle_adjustment` text,
	`milestones` text,
	`notes` text,
	`superseded_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercise_plan_patient_version` ON `exercise_plan` (`patient_id`,`version`);--> statement-breakpoint
CREATE TABLE `group_class` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `group_class_date` ON `group_class` (`date`,`start_time`);--> statement-breakpoint
CREATE TABLE `plan_item` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`sets` integer,
	`reps` integer,
	`duration_min` real,
	`load_kg` real,
	`rpe_min` integer,
	`rpe_max` integer,
	`hr_min` integer,
	`hr_max` integer,
	`talk_test` integer DEFAULT false NOT NULL,
	`rest_seconds` integer,
	`progression` text,
	`notes` text,
	`override_note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `exercise_plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercise`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_item_plan` ON `plan_item` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`class_id` text,
	`attendance` text DEFAULT 'booked' NOT NULL,
	`attendance_reason` text,
	`draft_json` text,
	`draft_saved_at` text,
	`screen_json` text,
	`decision` text,
	`fired_rules_json` text,
	`thresholds_json` text,
	`clearance_override_reason` text,
	`after_json` text,
	`notes` text,
	`occurred_at` text,
	`signed_at` text,
	`signed_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `group_class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_date_time` ON `session` (`date`,`start_time`);--> statement-breakpoint
CREATE INDEX `session_patient_date` ON `session` (`patient_id`,`date`);--> statement-breakpoint
CREATE INDEX `session_class` ON `session` (`class_id`);--> statement-breakpoint
CREATE TABLE `session_amendment` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`reason` text NOT NULL,
	`changes_json` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_amendment_session` ON `session_amendment` (`session_id`,`created_at`);