CREATE TABLE `session_draft` (
	`session_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`draft_json` text NOT NULL,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`session_id`, `clinician_id`),
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinician_id`) REFERENCES `clinician`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- hand-written: a draft already waiting on an unsigned session becomes the draft of whoever last
-- changed that session (the only clinician the row names), so nobody's typing is lost at the upgrade.
INSERT INTO `session_draft` (`session_id`, `clinician_id`, `draft_json`, `saved_at`)
SELECT s.`id`, s.`updated_by`, s.`draft_json`, coalesce(s.`draft_saved_at`, s.`updated_at`)
  FROM `session` s
 WHERE s.`draft_json` IS NOT NULL AND s.`signed_at` IS NULL
   AND s.`updated_by` IN (SELECT `id` FROM `clinician`);
