CREATE TABLE `baseline_screening` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`screened_on` text NOT NULL,
	`fatigue` integer,
	`pain` integer,
	`pain_site` text,
	`breathlessness` integer,
	`nausea` integer,
	`neuropathy` text,
	`sleep_quality` integer,
	`energy` integer,
	`ecog` integer,
	`falls_last_6_months` integer,
	`current_activity` text,
	`exercise_fear` integer,
	`readiness` text,
	`priorities` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `baseline_screening_patient` ON `baseline_screening` (`patient_id`,`screened_on`);--> statement-breakpoint
CREATE TABLE `bone_lesion` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`site` text NOT NULL,
	`side` text,
	`location` text,
	`lesion_type` text,
	`radiotherapy` integer DEFAULT false NOT NULL,
	`radiotherapy_on` text,
	`surgery` integer DEFAULT false NOT NULL,
	`surgery_on` text,
	`weight_bearing` text DEFAULT 'unknown' NOT NULL,
	`mirels_json` text,
	`sins_json` text,
	`notes` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bone_lesion_patient` ON `bone_lesion` (`patient_id`);--> statement-breakpoint
CREATE TABLE `care_team_member` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`is_main_oncologist` integer DEFAULT false NOT NULL,
	`note` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_team_patient` ON `care_team_member` (`patient_id`);--> statement-breakpoint
CREATE INDEX `care_team_contact` ON `care_team_member` (`contact_id`);--> statement-breakpoint
CREATE TABLE `caseload_summary` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`lead_clinician_id` text,
	`clearance_state` text DEFAULT 'missing' NOT NULL,
	`clearance_review_by` text,
	`has_bone_mets` integer DEFAULT false NOT NULL,
	`skeletal_risk_level` text DEFAULT 'none' NOT NULL,
	`treatment_from` text,
	`treatment_to` text,
	`last_assessment_on` text,
	`reassessment_due_on` text,
	`open_adverse_events` integer DEFAULT 0 NOT NULL,
	`open_red_flags` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `caseload_summary_status` ON `caseload_summary` (`status`);--> statement-breakpoint
CREATE INDEX `caseload_summary_due` ON `caseload_summary` (`reassessment_due_on`);--> statement-breakpoint
CREATE INDEX `caseload_summary_clearance` ON `caseload_summary` (`clearance_state`,`clearance_review_by`);--> statement-breakpoint
CREATE TABLE `clearance` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`requested_on` text,
	`requested_from_contact_id` text,
	`requested_from_name` text,
	`received_on` text,
	`received_from_contact_id` text,
	`received_from_name` text,
	`decision` text,
	`restrictions` text,
	`review_by` text,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_from_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_from_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clearance_patient` ON `clearance` (`patient_id`);--> statement-breakpoint
CREATE TABLE `comorbidity` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comorbidity_patient` ON `comorbidity` (`patient_id`);--> statement-breakpoint
CREATE TABLE `contact` (
	`id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`practice` text,
	`address` text,
	`phone` text,
	`email` text,
	`fax` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_name` ON `contact` (`full_name`);--> statement-breakpoint
CREATE TABLE `diagnosis` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`primary_site` text NOT NULL,
	`histology` text,
	`diagnosed_on` text,
	`stage` text,
	`metastatic_sites_json` text DEFAULT '[]' NOT NULL,
	`other_metastatic_sites` text,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnosis_patient` ON `diagnosis` (`patient_id`);--> statement-breakpoint
CREATE TABLE `goal` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`in_own_words` text NOT NULL,
	`category` text NOT NULL,
	`measure_key` text,
	`target_value` text,
	`target_date` text,
	`status` text DEFAULT 'active' NOT NULL,
	`achieved_on` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_patient` ON `goal` (`patient_id`);--> statement-breakpoint
CREATE TABLE `goal_milestone` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`description` text NOT NULL,
	`target_date` text,
	`achieved_on` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_milestone_goal` ON `goal_milestone` (`goal_id`);--> statement-breakpoint
CREATE TABLE `medication` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`name` text NOT NULL,
	`dose` text,
	`flags_json` text DEFAULT '[]' NOT NULL,
	`started_on` text,
	`stopped_on` text,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `medication_patient` ON `medication` (`patient_id`);--> statement-breakpoint
CREATE TABLE `patient_details` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`gender` text,
	`phone` text,
	`email` text,
	`address` text,
	`preferred_language` text,
	`interpreter_needed` integer DEFAULT false NOT NULL,
	`emergency_contact_name` text,
	`emergency_contact_relationship` text,
	`emergency_contact_phone` text,
	`reassessment_interval_weeks` integer DEFAULT 8 NOT NULL,
	`lead_clinician_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_clinician_id`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `referral` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`referred_on` text NOT NULL,
	`referrer_contact_id` text,
	`referrer_name` text,
	`reason` text,
	`priority` text DEFAULT 'routine' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_patient` ON `referral` (`patient_id`,`referred_on`);--> statement-breakpoint
CREATE TABLE `status_change` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_change_patient` ON `status_change` (`patient_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `treatment` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`type` text NOT NULL,
	`regimen` text,
	`start_date` text NOT NULL,
	`end_date` text,
	`cycle_length_days` integer,
	`day1_dates_json` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `treatment_patient` ON `treatment` (`patient_id`,`start_date`);