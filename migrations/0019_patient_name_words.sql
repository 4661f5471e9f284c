CREATE TABLE `patient_name_word` (
	`word` text NOT NULL,
	`patient_id` text NOT NULL,
	PRIMARY KEY(`word`, `patient_id`),
	FOREIGN KEY (`patient_id`) REFERENCES `patient`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_name_word_patient` ON `patient_name_word` (`patient_id`);--> statement-breakpoint
-- hand-written:
-- Search by any word of a name: the later words of every existing patient's names, from the same
-- function new saves use (laterNameWords in src/shared/names.ts), which the migration runner
-- registers on the connection (src/main/db/migrate.ts) as pacewise_name_words (a JSON array).
INSERT OR IGNORE INTO `patient_name_word` (`word`, `patient_id`)
SELECT w.value, p.id FROM patient p, json_each(pacewise_name_words(p.given_name, p.family_name, p.preferred_name)) w;
