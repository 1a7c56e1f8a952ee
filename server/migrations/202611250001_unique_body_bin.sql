-- Every administrative body, branch or representative office has a БИН of its own (the 6th digit tells which),
-- so within one contact centre a БИН names exactly one body; the classifier import looks bodies up by it.
create unique index bodies_tenant_bin_key on bodies (tenant_id, bin) where bin is not null;
