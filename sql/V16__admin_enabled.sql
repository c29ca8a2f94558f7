-- An operator can be switched off: their tokens stop working on the next request.
ALTER TABLE admin_account ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
