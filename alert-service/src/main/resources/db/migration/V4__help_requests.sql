-- A help request (HELP_REQUEST) may name the service it asks for and, when volunteer-service raised it for an
-- unanswered order, that service request: both travel on AlertRaised so the order and the alert stay linked.
alter table care_signal add column service_request_id uuid;
alter table care_signal add column service_type varchar(32);
