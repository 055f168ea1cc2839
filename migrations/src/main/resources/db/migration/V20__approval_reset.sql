-- Editing an approved post sends it back to review (the approval was for the content the approver saw); the
-- workflow history records that as its own event.
alter table workflow_event drop constraint workflow_event_event_check;
alter table workflow_event add constraint workflow_event_event_check
    check (event in ('submit', 'request_changes', 'approve', 'publish', 'schedule', 'publish_scheduled',
                     'cancel_schedule', 'unpublish', 'archive', 'reopen', 'approval_reset'));
