-- An operator may reject a pending rebate, with the reason kept beside it.
ALTER TABLE rebate ADD COLUMN reject_reason VARCHAR(255) NULL;
ALTER TABLE rebate ADD COLUMN rejected_at DATETIME(6) NULL;
