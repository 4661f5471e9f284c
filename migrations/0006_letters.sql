CREATE TABLE `letter` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`type` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`previous_id` text,
	`correction_reason` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`content_json` text NOT NULL,
	`recipients_json` text NOT NULL,
	`chart_measure_key` text,
	`source_adverse_event_id` text,
	`clearance_id` text,
	`draft_saved_at` text,
	`document_json` text,
	`finalised_at` text,
	`finalised_by` text,
	`pdf_bytes` blob,
	`pdf_sha256` text,
	`docx_bytes` blob,
	`docx_sha256` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clearance_id`) REFERENCES `clearance`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_patient` ON `letter` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `letter_created` ON `letter` (`created_at`);--> statement-breakpoint
CREATE INDEX `letter_previous` ON `letter` (`previous_id`);--> statement-breakpoint
CREATE TABLE `letter_reply` (
	`id` text PRIMARY KEY NOT NULL,
	`letter_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`received_on` text NOT NULL,
	`decision` text NOT NULL,
	`restrictions` text,
	`review_by` text,
	`received_from_name` text,
	`clearance_id` text,
	`attachment_name` text,
	`attachment_mime` text,
	`attachment_bytes` blob,
	`attachment_sha256` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letter`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clearance_id`) REFERENCES `clearance`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_reply_letter` ON `letter_reply` (`letter_id`);--> statement-breakpoint
CREATE INDEX `letter_reply_patient` ON `letter_reply` (`patient_id`);--> statement-breakpoint
CREATE TABLE `letter_sending` (
	`id` text PRIMARY KEY NOT NULL,
	`letter_id` text NOT NULL,
	`method` text NOT NULL,
	`sent_on` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`letter_id`) REFERENCES `letter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `letter_sending_letter` ON `letter_sending` (`letter_id`);--> statement-breakpoint
ALTER TABLE `caseload_summary` ADD `guidance_awaiting_since` text;--> statement-breakpoint
CREATE INDEX `caseload_summary_guidance` ON `caseload_summary` (`guidance_awaiting_since`);--> statement-breakpoint
-- hand-written: a finalised letter is the record of what was sent; nothing may change or remove it.
CREATE TRIGGER `letter_final_no_update` BEFORE UPDATE ON `letter` WHEN OLD.`status` = 'final'
BEGIN SELECT RAISE(ABORT, 'A finalised letter cannot be changed: write a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER `letter_no_delete` BEFORE DELETE ON `letter`
BEGIN SELECT RAISE(ABORT, 'Letters are kept: they cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `letter_reply_no_change` BEFORE UPDATE ON `letter_reply`
BEGIN SELECT RAISE(ABORT, 'A recorded reply cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `letter_reply_no_delete` BEFORE DELETE ON `letter_reply`
BEGIN SELECT RAISE(ABORT, 'A recorded reply cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `letter_sending_no_delete` BEFORE DELETE ON `letter_sending`
BEGIN SELECT RAISE(ABORT, 'A record of sending cannot be deleted'); END;
