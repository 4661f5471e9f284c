CREATE TABLE `research_subject` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`date_offset_days` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `research_subject_study_id` ON `research_subject` (`study_id`);