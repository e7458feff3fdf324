-- The admin resources of Hyperswitch's v1 API: business profiles (each merchant has a default one),
-- merchants that can be updated and deleted, API keys with a description and an expiry, connector
-- accounts that belong to a profile and can be updated and deleted.
-- Deleting never removes a row: a merchant or a connector account is marked deleted (and an API key
-- revoked), so the payments, refunds and mandates that refer to them stay whole.

CREATE TABLE business_profiles (
    profile_id    varchar(64)  PRIMARY KEY,
    merchant_id   varchar(64)  NOT NULL REFERENCES merchants (merchant_id),
    profile_name  varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    UNIQUE (merchant_id, profile_id),
    UNIQUE (merchant_id, profile_name)
);

ALTER TABLE merchants
    ADD COLUMN organization_id     varchar(64),
    ADD COLUMN default_profile_id  varchar(64),
    ADD COLUMN settings            text         NOT NULL DEFAULT '{}',  -- JSON: the fields the API keeps and echoes
    ADD COLUMN deleted_at          timestamptz;

-- the merchants there already get their default profile and an organization of their own
INSERT INTO business_profiles (profile_id, merchant_id, profile_name, created_at)
SELECT 'pro_' || substr(md5('profile:' || merchant_id), 1, 20), merchant_id, 'default', now() FROM merchants;
UPDATE merchants SET default_profile_id = 'pro_' || substr(md5('profile:' || merchant_id), 1, 20),
                     organization_id = 'org_' || substr(md5('organization:' || merchant_id), 1, 20);

-- a merchant's default profile is one of its own; deferred, as the merchant and its profile are inserted together
ALTER TABLE merchants ADD CONSTRAINT merchants_default_profile
    FOREIGN KEY (merchant_id, default_profile_id) REFERENCES business_profiles (merchant_id, profile_id)
    DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE api_keys
    ADD COLUMN description  varchar(1024),
    ADD COLUMN expires_at   timestamptz;   -- null: never

ALTER TABLE connector_accounts
    ADD COLUMN profile_id  varchar(64),
    ADD COLUMN status      varchar(16)  NOT NULL DEFAULT 'active',  -- Hyperswitch's ConnectorStatus
    ADD COLUMN test_mode   boolean      NOT NULL DEFAULT false,
    ADD COLUMN deleted_at  timestamptz;

UPDATE connector_accounts a SET profile_id = m.default_profile_id FROM merchants m WHERE m.merchant_id = a.merchant_id;

ALTER TABLE connector_accounts ADD CONSTRAINT connector_accounts_profile
    FOREIGN KEY (merchant_id, profile_id) REFERENCES business_profiles (merchant_id, profile_id);

-- A label names an account within its merchant's profile, whatever the connector (Hyperswitch's rule; it
-- was unique per connector). Accounts of two connectors that shared a label keep it with their connector's
-- name appended, so that the migration cannot fail on existing data.
UPDATE connector_accounts a SET label = a.label || '_' || a.connector_name
WHERE EXISTS (SELECT 1 FROM connector_accounts b
              WHERE b.merchant_id = a.merchant_id AND b.label = a.label AND b.account_id <> a.account_id);

ALTER TABLE connector_accounts DROP CONSTRAINT connector_accounts_merchant_id_connector_name_label_key;
-- a deleted account's label may be used again
CREATE UNIQUE INDEX connector_accounts_label ON connector_accounts (merchant_id, coalesce(profile_id, ''), label)
    WHERE deleted_at IS NULL;
