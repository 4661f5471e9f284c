ALTER TABLE `assessment` ADD `discarded_at` text;--> statement-breakpoint
ALTER TABLE `assessment` ADD `discarded_by` text REFERENCES clinician(id);--> statement-breakpoint
ALTER TABLE `assessment` ADD `discard_reason` text;