ALTER TABLE `caseload_summary` ADD `metastatic_sites_json` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `clearance` ADD `rpe_ceiling` integer;--> statement-breakpoint
ALTER TABLE `clearance` ADD `hr_ceiling` integer;--> statement-breakpoint
ALTER TABLE `clearance` ADD `avoid_tags` text;--> statement-breakpoint
ALTER TABLE `clearance` ADD `no_group_sessions` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written: fill the new caseload column from the diagnoses already stored, so existing
-- patients with brain (or other alerted) metastases are flagged on the caseload without an edit.
UPDATE `caseload_summary` SET `metastatic_sites_json` = COALESCE((SELECT json_group_array(DISTINCT j.value) FROM `diagnosis` d, json_each(d.`metastatic_sites_json`) j WHERE d.`patient_id` = `caseload_summary`.`patient_id`), '[]');
