-- A member may delete their account (PIPL): the row stays, anonymised, so that the ledgers, purchases and
-- rebates kept under its id still point at a member. Erased WeChat ids are NULL, so the unique openid index
-- lets the same WeChat account join again as a new member.
ALTER TABLE member MODIFY openid VARCHAR(64) NULL;
ALTER TABLE member ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE member ADD COLUMN deleted_at DATETIME(6) NULL;
CREATE INDEX idx_member_deleted_at ON member (deleted_at);

-- A deleted member's points account is closed: its balance was written off and nothing moves it again.
ALTER TABLE points_account ADD COLUMN closed_at DATETIME(6) NULL;
