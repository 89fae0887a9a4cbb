-- Keyset paging of the platform API collections (issue #9): each page reads "rows after the
-- cursor's key" as one index range scan, so the last page of a list costs what the first does.

-- List items page by (code, id) within their list. This index replaces ix_list_items_list,
-- whose (list_id, code) the unique constraint uk_list_items_code already covers.
create index ix_list_items_keyset on list_items (list_id, code, id);
drop index ix_list_items_list;

-- Lists page by id within the company (expense reports already have ix_expense_reports_company).
create index ix_lists_company on lists (company_id, id);

-- The key that signs page cursors, shared by every instance; the application creates it on first use.
create table api_cursor_keys (
    id          integer      primary key,
    secret      varchar(100) not null,
    created_at  timestamp with time zone not null
);
