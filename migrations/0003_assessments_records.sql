CREATE TABLE `assessment` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`assessed_on` text NOT NULL,
	`clinician_id` text NOT NULL,
	`notes` text,
	`height_cm` real,
	`weight_kg` real,
	`planned_measures_json` text DEFAULT '[]' NOT NULL,
	`amends_id` text,
	`amendment_reason` text,
	`finalised_at` text,
	`finalised_by` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinician_id`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finalised_by`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_patient_date` ON `assessment` (`patient_id`,`assessed_on`);--> statement-breakpoint
CREATE INDEX `assessment_amends` ON `assessment` (`amends_id`);--> statement-breakpoint
CREATE TABLE `custom_measure` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`better` text NOT NULL,
	`mcid` real,
	`source` text,
	`decimals` integer DEFAULT 0 NOT NULL,
	`range_min` real NOT NULL,
	`range_max` real NOT NULL,
	`instructions` text,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `custom_measure_name` ON `custom_measure` (`name`);--> statement-breakpoint
CREATE TABLE `measure_result` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`assessed_on` text NOT NULL,
	`measure_key` text NOT NULL,
	`parent_result_id` text,
	`value` real,
	`components_json` text DEFAULT '{}' NOT NULL,
	`derived_json` text DEFAULT '{}' NOT NULL,
	`warnings_json` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_result_assessment_measure` ON `measure_result` (`assessment_id`,`measure_key`);--> statement-breakpoint
CREATE INDEX `measure_result_patient_measure` ON `measure_result` (`patient_id`,`measure_key`,`assessed_on`);