CREATE TABLE `check_in` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`started_at` text NOT NULL,
	`started_by` text NOT NULL,
	`status` text NOT NULL,
	`completed_at` text,
	`completed_by` text,
	`answers_json` text,
	`assessment_id` text,
	`abandoned_at` text,
	`abandon_reason` text,
	`handed_back_at` text,
	`handed_back_how` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_in_session` ON `check_in` (`session_id`,`status`);--> statement-breakpoint
CREATE TABLE `check_in_review` (
	`id` text PRIMARY KEY NOT NULL,
	`check_in_id` text NOT NULL,
	`session_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`red_flag_id` text NOT NULL,
	`finding` text NOT NULL,
	`note` text NOT NULL,
	`adverse_event_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_in`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adverse_event_id`) REFERENCES `adverse_event`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_in_review_flag` ON `check_in_review` (`check_in_id`,`red_flag_id`);