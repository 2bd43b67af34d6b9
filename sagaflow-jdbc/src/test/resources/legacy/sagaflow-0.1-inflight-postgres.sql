--
-- PostgreSQL database dump
--

\restrict f1ERy5F7ttDpKGsHzFpBjAQacHw8MQ5eDbpDCihEYbD33Fph96rYQdztYBv8s4m

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: saga_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_history (
    saga_id character varying(64) NOT NULL,
    seq integer NOT NULL,
    at bigint NOT NULL,
    type character varying(40) NOT NULL,
    step character varying(200),
    attempt integer NOT NULL,
    duration_us bigint NOT NULL,
    detail text
);


--
-- Name: saga_instance; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_instance (
    id character varying(64) NOT NULL,
    saga_name character varying(200) NOT NULL,
    saga_version integer NOT NULL,
    idempotency_key character varying(500) NOT NULL,
    correlation_id character varying(500),
    state character varying(32) NOT NULL,
    data text NOT NULL,
    step_index integer NOT NULL,
    attempt integer NOT NULL,
    outcome_unknown smallint NOT NULL,
    completed character varying(2000) NOT NULL,
    cancel_requested smallint NOT NULL,
    failure text,
    wake_at bigint,
    deadline_at bigint,
    owner character varying(200),
    lease_until bigint,
    version bigint NOT NULL,
    write_id character varying(64),
    history_size integer NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    awaiting character varying(64),
    flag character varying(40)
);


--
-- Name: saga_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_outbox (
    id character varying(64) NOT NULL,
    channel character varying(200) NOT NULL,
    type character varying(200) NOT NULL,
    saga_id character varying(200) NOT NULL,
    correlation_id character varying(500),
    headers text NOT NULL,
    payload text NOT NULL,
    created_at bigint NOT NULL,
    claimed_by character varying(200),
    claimed_until bigint
);


--
-- Name: sagaflow_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sagaflow_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Data for Name: saga_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 1, 1796055721954, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/1');
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 1, 1796055722026, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/2');
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 1, 1796055722052, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/3');
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 1, 1796055722062, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/4');
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 2, 1796055722064, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 2, 1796055722071, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 2, 1796055722062, 'STEP_SUCCEEDED', 'reserve', 1, 21000, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 1, 1796055722085, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/5');
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 2, 1796055722085, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 3, 1796055722098, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 3, 1796055722105, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 3, 1796055722104, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 1, 1796055722119, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/6');
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 3, 1796055722122, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 2, 1796055722121, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 4, 1796055722132, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 4, 1796055722134, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 4, 1796055722134, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 1, 1796055722143, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/7');
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 4, 1796055722142, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 2, 1796055722141, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 3, 1796055722142, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 5, 1796055722150, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 6, 1796055722150, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 5, 1796055722150, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 6, 1796055722150, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 5, 1796055722151, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('716de108-1090-4963-8447-ea1ee798934e', 6, 1796055722151, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 1, 1796055722180, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/completed/8');
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 3, 1796055722179, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 2, 1796055722178, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 4, 1796055722180, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 5, 1796055722204, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 6, 1796055722204, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 1, 1796055722219, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-charge/1');
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 4, 1796055722220, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 2, 1796055722225, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 3, 1796055722221, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 5, 1796055722221, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 6, 1796055722221, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 5, 1796055722252, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 6, 1796055722252, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 4, 1796055722253, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 1, 1796055722255, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-charge/2');
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 3, 1796055722261, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 2, 1796055722261, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 1, 1796055722284, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-charge/3');
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 5, 1796055722272, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 6, 1796055722272, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 2, 1796055722286, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 4, 1796055722323, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 1, 1796055722338, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-charge/4');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 2, 1796055722329, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 5, 1796055722346, 'STEP_SUCCEEDED', 'notify', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 6, 1796055722346, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 1, 1796055722351, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-charge/5');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 2, 1796055722354, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 3, 1796055722354, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 4, 1796055722354, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:02.436Z');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 3, 1796055722345, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 4, 1796055722345, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:02.462Z');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 3, 1796055722295, 'STEP_FAILED', 'charge', 1, 8000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 4, 1796055722295, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:02.391Z');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 2, 1796055722373, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 1, 1796055722404, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-pivot/1');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 3, 1796055722394, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 4, 1796055722394, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:02.500Z');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 3, 1796055722406, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 4, 1796055722406, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:02.516Z');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 5, 1796055722412, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 2, 1796055722421, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 1, 1796055722428, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-pivot/2');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 6, 1796055722437, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 7, 1796055722437, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:02.633Z');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 3, 1796055722439, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 1, 1796055722461, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-pivot/3');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 5, 1796055722455, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 2, 1796055722453, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 5, 1796055722468, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 3, 1796055722473, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 4, 1796055722470, 'STEP_FAILED', 'ship', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 1 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 5, 1796055722470, 'RETRY_SCHEDULED', 'ship', 2, 0, 'due 2026-11-30T16:22:02.565Z');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 6, 1796055722478, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 7, 1796055722478, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:02.696Z');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 2, 1796055722478, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 1, 1796055722497, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/failed-at-pivot/4');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 6, 1796055722489, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 7, 1796055722489, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:02.723Z');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 4, 1796055722490, 'STEP_FAILED', 'ship', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 1 fails');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 5, 1796055722490, 'RETRY_SCHEDULED', 'ship', 2, 0, 'due 2026-11-30T16:22:02.583Z');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 3, 1796055722501, 'STEP_SUCCEEDED', 'charge', 1, 2000, NULL);
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 5, 1796055722521, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 5, 1796055722521, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 2, 1796055722523, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 4, 1796055722528, 'STEP_FAILED', 'ship', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 1 fails');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 5, 1796055722528, 'RETRY_SCHEDULED', 'ship', 2, 0, 'due 2026-11-30T16:22:02.632Z');
INSERT INTO public.saga_history VALUES ('4ae51f0b-17c0-481f-8e85-8eeeed2b8c44', 1, 1796055722539, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-reserve/1');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 6, 1796055722535, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 7, 1796055722535, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:02.739Z');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 3, 1796055722540, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 6, 1796055722536, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 7, 1796055722536, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:02.744Z');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 4, 1796055722564, 'STEP_FAILED', 'ship', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 1 fails');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 5, 1796055722564, 'RETRY_SCHEDULED', 'ship', 2, 0, 'due 2026-11-30T16:22:02.664Z');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 6, 1796055722571, 'STEP_RESUMED', 'ship', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('d20dd977-3fdb-45b3-aa3b-7213dfe1d75d', 1, 1796055722587, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-reserve/2');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 6, 1796055722597, 'STEP_RESUMED', 'ship', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 7, 1796055722589, 'STEP_FAILED', 'ship', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 2 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 8, 1796055722589, 'RETRY_SCHEDULED', 'ship', 3, 0, 'due 2026-11-30T16:22:02.799Z');
INSERT INTO public.saga_history VALUES ('1d1a8b38-c355-49af-91bb-08222f17fee5', 1, 1796055722601, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-reserve/3');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 7, 1796055722613, 'STEP_FAILED', 'ship', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 2 fails');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 8, 1796055722613, 'RETRY_SCHEDULED', 'ship', 3, 0, 'due 2026-11-30T16:22:02.800Z');
INSERT INTO public.saga_history VALUES ('3657fd84-f21c-4f11-9e0d-510a563c4cdd', 1, 1796055722628, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-reserve/4');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 8, 1796055722647, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 6, 1796055722646, 'STEP_RESUMED', 'ship', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('49e0ba64-1577-4510-be3e-13c2824462dc', 1, 1796055722651, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-reserve/5');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 7, 1796055722652, 'STEP_FAILED', 'ship', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 2 fails');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 8, 1796055722652, 'RETRY_SCHEDULED', 'ship', 3, 0, 'due 2026-11-30T16:22:02.880Z');
INSERT INTO public.saga_history VALUES ('3cf265cb-5526-4c39-9803-ef5cd1cb6c2b', 1, 1796055722670, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge/1');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 6, 1796055722675, 'STEP_RESUMED', 'ship', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 9, 1796055722653, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 10, 1796055722653, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('9ff2072e-e32d-48da-a55a-8cc64daa6061', 1, 1796055722713, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge/2');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 8, 1796055722714, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('3cf265cb-5526-4c39-9803-ef5cd1cb6c2b', 2, 1796055722711, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 7, 1796055722712, 'STEP_FAILED', 'ship', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 2 fails');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 8, 1796055722712, 'RETRY_SCHEDULED', 'ship', 3, 0, 'due 2026-11-30T16:22:02.946Z');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 8, 1796055722726, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 11, 1796055722733, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 12, 1796055722733, 'SAGA_FAILED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('9b5e38fd-e5ee-4058-8d22-a98363c4d269', 1, 1796055722739, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge/3');
INSERT INTO public.saga_history VALUES ('e79a52f4-c387-40ed-9166-2edb978e914b', 1, 1796055722743, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge/4');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 8, 1796055722744, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('9ff2072e-e32d-48da-a55a-8cc64daa6061', 2, 1796055722740, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 8, 1796055722755, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('1fb9ed26-4044-4a82-b284-b007f1fa0246', 1, 1796055722759, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge/5');
INSERT INTO public.saga_history VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 1, 1796055722774, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge-attempt-2/1');
INSERT INTO public.saga_history VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 1, 1796055722781, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge-attempt-2/2');
INSERT INTO public.saga_history VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 1, 1796055722789, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge-attempt-2/3');
INSERT INTO public.saga_history VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 1, 1796055722792, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-charge-attempt-2/4');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 9, 1796055722929, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 10, 1796055722929, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 9, 1796055722930, 'STEP_RESUMED', 'ship', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('1fd34bff-2304-4a0c-a8c6-871921915be0', 1, 1796055722936, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-pivot/1');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 9, 1796055722962, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 10, 1796055722962, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 9, 1796055722966, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 10, 1796055722966, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('1fb9ed26-4044-4a82-b284-b007f1fa0246', 2, 1796055722953, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 2, 1796055722954, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 9, 1796055722938, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 10, 1796055722938, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 2, 1796055722954, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 2, 1796055722953, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 9, 1796055722972, 'STEP_RESUMED', 'ship', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('9b5e38fd-e5ee-4058-8d22-a98363c4d269', 2, 1796055722962, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 9, 1796055722972, 'STEP_RESUMED', 'ship', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 2, 1796055722954, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e79a52f4-c387-40ed-9166-2edb978e914b', 2, 1796055722953, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 9, 1796055722972, 'STEP_RESUMED', 'ship', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 11, 1796055722979, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 12, 1796055723130, 'COMPENSATION_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 12, 1796055722979, 'SAGA_FAILED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 10, 1796055722980, 'STEP_FAILED', 'ship', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 11, 1796055722980, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('4d632269-6d48-4664-a6fc-52f9d058f6e3', 1, 1796055723002, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-pivot/2');
INSERT INTO public.saga_history VALUES ('1fd34bff-2304-4a0c-a8c6-871921915be0', 2, 1796055723003, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 3, 1796055723006, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 4, 1796055723006, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.098Z');
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 11, 1796055723004, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 12, 1796055723004, 'SAGA_FAILED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 3, 1796055723007, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 4, 1796055723007, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.089Z');
INSERT INTO public.saga_history VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 3, 1796055723005, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 4, 1796055723005, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.090Z');
INSERT INTO public.saga_history VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 3, 1796055723006, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 4, 1796055723006, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.112Z');
INSERT INTO public.saga_history VALUES ('f0953f80-5816-44bd-a2fe-c52f69d1811f', 1, 1796055723031, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-pivot/3');
INSERT INTO public.saga_history VALUES ('d6897009-c4bc-46f9-b670-69e03aabac13', 1, 1796055723048, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-pivot/4');
INSERT INTO public.saga_history VALUES ('ffb890d8-6ab2-415b-b710-79ba601349e2', 1, 1796055723057, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-notify/1');
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 11, 1796055723064, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 12, 1796055723064, 'SAGA_FAILED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 11, 1796055723064, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 12, 1796055723064, 'SAGA_FAILED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('4d632269-6d48-4664-a6fc-52f9d058f6e3', 2, 1796055723067, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 10, 1796055723065, 'STEP_FAILED', 'ship', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 11, 1796055723065, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 10, 1796055723064, 'STEP_FAILED', 'ship', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 11, 1796055723064, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 10, 1796055723066, 'STEP_FAILED', 'ship', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 11, 1796055723066, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('54bdc4a7-5b63-400f-8d0c-a2a54405f600', 1, 1796055723077, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-notify/2');
INSERT INTO public.saga_history VALUES ('d6897009-c4bc-46f9-b670-69e03aabac13', 2, 1796055723083, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f0953f80-5816-44bd-a2fe-c52f69d1811f', 2, 1796055723082, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ffb890d8-6ab2-415b-b710-79ba601349e2', 2, 1796055723083, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ad345caf-700f-4243-9691-768c223b324f', 1, 1796055723085, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-notify/3');
INSERT INTO public.saga_history VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 5, 1796055723091, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 5, 1796055723101, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('30d99366-0785-4167-9b8e-094de0c3f5ac', 1, 1796055723105, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/running-at-notify/4');
INSERT INTO public.saga_history VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 5, 1796055723104, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('54bdc4a7-5b63-400f-8d0c-a2a54405f600', 2, 1796055723106, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 5, 1796055723119, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 1, 1796055723133, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/retrying-notify-flagged/1');
INSERT INTO public.saga_history VALUES ('1fd34bff-2304-4a0c-a8c6-871921915be0', 3, 1796055723130, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('30d99366-0785-4167-9b8e-094de0c3f5ac', 2, 1796055723129, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4d632269-6d48-4664-a6fc-52f9d058f6e3', 3, 1796055723130, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 12, 1796055723130, 'COMPENSATION_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ad345caf-700f-4243-9691-768c223b324f', 2, 1796055723129, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d6897009-c4bc-46f9-b670-69e03aabac13', 3, 1796055723131, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 12, 1796055723130, 'COMPENSATION_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 12, 1796055723130, 'COMPENSATION_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f0953f80-5816-44bd-a2fe-c52f69d1811f', 3, 1796055723131, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 1, 1796055723141, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/retrying-notify-flagged/2');
INSERT INTO public.saga_history VALUES ('ffb890d8-6ab2-415b-b710-79ba601349e2', 3, 1796055723145, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 1, 1796055723152, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/retrying-notify-flagged/3');
INSERT INTO public.saga_history VALUES ('54bdc4a7-5b63-400f-8d0c-a2a54405f600', 3, 1796055723153, 'STEP_SUCCEEDED', 'charge', 1, 1000, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 1, 1796055723161, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/retrying-notify-flagged/4');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 2, 1796055723156, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 2, 1796055723157, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 2, 1796055723157, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ad345caf-700f-4243-9691-768c223b324f', 3, 1796055723163, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 1, 1796055723171, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/retrying-notify-flagged/5');
INSERT INTO public.saga_history VALUES ('30d99366-0785-4167-9b8e-094de0c3f5ac', 3, 1796055723174, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 3, 1796055723184, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('54bdc4a7-5b63-400f-8d0c-a2a54405f600', 4, 1796055723184, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 3, 1796055723184, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 13, 1796055723181, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 14, 1796055723181, 'SAGA_FAILED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('ad345caf-700f-4243-9691-768c223b324f', 4, 1796055723184, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 3, 1796055723185, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 13, 1796055723181, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 14, 1796055723181, 'SAGA_FAILED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 13, 1796055723180, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 14, 1796055723180, 'SAGA_FAILED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 2, 1796055723183, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 13, 1796055723181, 'COMPENSATION_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 14, 1796055723181, 'SAGA_FAILED', NULL, 0, 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails');
INSERT INTO public.saga_history VALUES ('ffb890d8-6ab2-415b-b710-79ba601349e2', 4, 1796055723181, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 1, 1796055723216, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/compensating-mid-call/1');
INSERT INTO public.saga_history VALUES ('30d99366-0785-4167-9b8e-094de0c3f5ac', 4, 1796055723206, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 2, 1796055723206, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 1, 1796055723248, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/compensating-mid-call/2');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 2, 1796055723249, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 4, 1796055723254, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 4, 1796055723254, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 3, 1796055723255, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 4, 1796055723255, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 3, 1796055723252, 'STEP_SUCCEEDED', 'charge', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 1, 1796055723264, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/compensating-mid-call/3');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 2, 1796055723263, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 3, 1796055723263, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 4, 1796055723263, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.349Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 5, 1796055723280, 'STEP_FAILED', 'notify', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 1 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 6, 1796055723280, 'RETRY_SCHEDULED', 'notify', 2, 0, 'due 2026-11-30T16:22:03.480Z');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 5, 1796055723280, 'STEP_FAILED', 'notify', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 1 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 6, 1796055723280, 'RETRY_SCHEDULED', 'notify', 2, 0, 'due 2026-11-30T16:22:03.480Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 4, 1796055723281, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 5, 1796055723281, 'STEP_FAILED', 'notify', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 1 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 6, 1796055723281, 'RETRY_SCHEDULED', 'notify', 2, 0, 'due 2026-11-30T16:22:03.481Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 4, 1796055723280, 'STEP_SUCCEEDED', 'ship', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 1, 1796055723300, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/compensating-mid-call/4');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 2, 1796055723298, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 3, 1796055723298, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 4, 1796055723298, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.387Z');
INSERT INTO public.saga_history VALUES ('056201e2-3268-4cb9-b716-ff757cdec4c0', 1, 1796055723341, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/cancelled-while-running/1');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 5, 1796055723328, 'STEP_FAILED', 'notify', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 1 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 6, 1796055723328, 'RETRY_SCHEDULED', 'notify', 2, 0, 'due 2026-11-30T16:22:03.528Z');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 3, 1796055723345, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 4, 1796055723345, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.437Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 5, 1796055723329, 'STEP_FAILED', 'notify', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 1 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 6, 1796055723329, 'RETRY_SCHEDULED', 'notify', 2, 0, 'due 2026-11-30T16:22:03.529Z');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 2, 1796055723345, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 5, 1796055723364, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('feec0c9c-565d-448a-b537-c8030c754420', 1, 1796055723373, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/cancelled-while-running/2');
INSERT INTO public.saga_history VALUES ('056201e2-3268-4cb9-b716-ff757cdec4c0', 2, 1796055723370, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 5, 1796055723391, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 3, 1796055723379, 'STEP_FAILED', 'charge', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 1 fails');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 4, 1796055723379, 'RETRY_SCHEDULED', 'charge', 2, 0, 'due 2026-11-30T16:22:03.497Z');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 6, 1796055723381, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 7, 1796055723381, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:03.590Z');
INSERT INTO public.saga_history VALUES ('ccb976e3-c771-4792-aa70-0fa12b45265e', 1, 1796055723395, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/cancelled-while-running/3');
INSERT INTO public.saga_history VALUES ('feec0c9c-565d-448a-b537-c8030c754420', 2, 1796055723393, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 6, 1796055723406, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 7, 1796055723406, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:03.615Z');
INSERT INTO public.saga_history VALUES ('657eb1d9-956a-4d18-a6c5-54b5e892dff2', 1, 1796055723424, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-order/cancelled-while-running/4');
INSERT INTO public.saga_history VALUES ('ccb976e3-c771-4792-aa70-0fa12b45265e', 2, 1796055723417, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 1, 1796055723432, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/failed/1');
INSERT INTO public.saga_history VALUES ('657eb1d9-956a-4d18-a6c5-54b5e892dff2', 2, 1796055723432, 'STEP_SUCCEEDED', 'reserve', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 2, 1796055723450, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 1, 1796055723452, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/failed/2');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 5, 1796055723459, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 3, 1796055723469, 'STEP_SUCCEEDED', 'hold-b', 1, 10000, NULL);
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 2, 1796055723474, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 1, 1796055723476, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/failed/3');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 6, 1796055723474, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 7, 1796055723474, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:03.675Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 7, 1796055723486, 'STEP_RESUMED', 'notify', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 4, 1796055723481, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 5, 1796055723481, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 7, 1796055723486, 'STEP_RESUMED', 'notify', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 7, 1796055723496, 'STEP_RESUMED', 'notify', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 3, 1796055723485, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 2, 1796055723498, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 1, 1796055723505, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/failed/4');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 8, 1796055723512, 'STEP_FAILED', 'notify', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 2 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 9, 1796055723512, 'RETRY_SCHEDULED', 'notify', 3, 0, 'due 2026-11-30T16:22:03.912Z');
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 6, 1796055723505, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 8, 1796055723506, 'STEP_FAILED', 'notify', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 2 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 9, 1796055723506, 'RETRY_SCHEDULED', 'notify', 3, 0, 'due 2026-11-30T16:22:03.906Z');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 5, 1796055723513, 'STEP_RESUMED', 'charge', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 8, 1796055723513, 'STEP_FAILED', 'notify', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 2 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 9, 1796055723513, 'RETRY_SCHEDULED', 'notify', 3, 0, 'due 2026-11-30T16:22:03.913Z');
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 4, 1796055723506, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 5, 1796055723506, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 3, 1796055723537, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 7, 1796055723535, 'STEP_RESUMED', 'notify', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 7, 1796055723537, 'STEP_RESUMED', 'notify', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 1, 1796055723543, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/failed/5');
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 7, 1796055723543, 'COMPENSATION_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 8, 1796055723543, 'SAGA_FAILED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 6, 1796055723542, 'STEP_FAILED', 'charge', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 2 fails');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 7, 1796055723542, 'RETRY_SCHEDULED', 'charge', 3, 0, 'due 2026-11-30T16:22:03.775Z');
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 6, 1796055723543, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 2, 1796055723542, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 4, 1796055723545, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 5, 1796055723545, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 8, 1796055723545, 'STEP_FAILED', 'notify', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 2 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 9, 1796055723545, 'RETRY_SCHEDULED', 'notify', 3, 0, 'due 2026-11-30T16:22:03.945Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 8, 1796055723546, 'STEP_FAILED', 'notify', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 2 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 9, 1796055723546, 'RETRY_SCHEDULED', 'notify', 3, 0, 'due 2026-11-30T16:22:03.946Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 1, 1796055723562, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-b/1');
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 2, 1796055723561, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 7, 1796055723561, 'COMPENSATION_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 8, 1796055723561, 'SAGA_FAILED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 3, 1796055723561, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 6, 1796055723564, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 3, 1796055723572, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 4, 1796055723572, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 5, 1796055723572, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 1, 1796055723576, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-b/2');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 2, 1796055723576, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 1, 1796055723585, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-b/3');
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 7, 1796055723580, 'COMPENSATION_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 8, 1796055723580, 'SAGA_FAILED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 4, 1796055723580, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 5, 1796055723580, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 3, 1796055723585, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 6, 1796055723581, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 2, 1796055723585, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 1, 1796055723592, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-b/4');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 2, 1796055723593, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 6, 1796055723593, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 4, 1796055723593, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 5, 1796055723593, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 7, 1796055723593, 'COMPENSATION_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 8, 1796055723593, 'SAGA_FAILED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 3, 1796055723594, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 8, 1796055723596, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 3, 1796055723625, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 2, 1796055723625, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 7, 1796055723626, 'COMPENSATION_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 8, 1796055723626, 'SAGA_FAILED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 6, 1796055723626, 'COMPENSATION_FAILED', 'hold-b', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 1 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 4, 1796055723626, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 5, 1796055723626, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 1, 1796055723639, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-b/5');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 9, 1796055723639, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 10, 1796055723639, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 4, 1796055723643, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 5, 1796055723643, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 8, 1796055723646, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 3, 1796055723643, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 6, 1796055723643, 'COMPENSATION_FAILED', 'hold-b', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 1 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 6, 1796055723652, 'COMPENSATION_FAILED', 'hold-b', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 1 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 4, 1796055723652, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 5, 1796055723652, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 2, 1796055723647, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 1, 1796055723661, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-a/1');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 9, 1796055723653, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 10, 1796055723653, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 6, 1796055723663, 'COMPENSATION_FAILED', 'hold-b', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 1 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 2, 1796055723676, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 3, 1796055723663, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 1, 1796055723684, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-a/2');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 3, 1796055723684, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 4, 1796055723684, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 5, 1796055723684, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 8, 1796055723696, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 1, 1796055723711, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-a/3');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 9, 1796055723728, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 10, 1796055723728, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 4, 1796055723706, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 5, 1796055723706, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 2, 1796055723706, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 6, 1796055723706, 'COMPENSATION_FAILED', 'hold-b', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 1 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 3, 1796055723751, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 1, 1796055723753, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-a/4');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 6, 1796055723755, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 2, 1796055723762, 'STEP_SUCCEEDED', 'hold-a', 1, 8000, NULL);
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 4, 1796055723768, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 5, 1796055723768, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 1, 1796055723779, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/stalled-at-hold-a/5');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 2, 1796055723776, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 8, 1796055723778, 'STEP_RESUMED', 'charge', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 7, 1796055723777, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 3, 1796055723777, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 6, 1796055723781, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 1, 1796055723793, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-mid-call/1');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 3, 1796055723793, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 2, 1796055723792, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 9, 1796055723792, 'STEP_FAILED', 'charge', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 10, 1796055723792, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 4, 1796055723792, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 5, 1796055723792, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 1, 1796055723822, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-mid-call/2');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 4, 1796055723821, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 5, 1796055723821, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 3, 1796055723820, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 2, 1796055723821, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 6, 1796055723820, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 7, 1796055723803, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 6, 1796055723834, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 4, 1796055723833, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 5, 1796055723833, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 7, 1796055723833, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 1, 1796055723835, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-mid-call/3');
INSERT INTO public.saga_history VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 3, 1796055723835, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 2, 1796055723834, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 7, 1796055723844, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 6, 1796055723844, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 3, 1796055723851, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 2, 1796055723851, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 1, 1796055723852, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-mid-call/4');
INSERT INTO public.saga_history VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 4, 1796055723851, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 5, 1796055723851, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 7, 1796055723860, 'COMPENSATION_FAILED', 'hold-a', 1, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 4, 1796055723860, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 5, 1796055723860, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 3, 1796055723860, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 2, 1796055723867, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 1, 1796055723867, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-attempt-2/1');
INSERT INTO public.saga_history VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 4, 1796055723871, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 5, 1796055723871, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 2, 1796055723875, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 3, 1796055723872, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 1, 1796055723876, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-attempt-2/2');
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 3, 1796055723889, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 4, 1796055723888, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 5, 1796055723888, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 1, 1796055723893, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-attempt-2/3');
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 2, 1796055723892, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 3, 1796055723905, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 4, 1796055723893, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 5, 1796055723893, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 1, 1796055723906, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-stall/compensating-attempt-2/4');
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 2, 1796055723906, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 4, 1796055723912, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 5, 1796055723912, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 6, 1796055723912, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 3, 1796055723917, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 10, 1796055723916, 'STEP_RESUMED', 'notify', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 1, 1796055723918, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/completed/1');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 10, 1796055723928, 'STEP_RESUMED', 'notify', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 6, 1796055723918, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 7, 1796055723918, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 2, 1796055723918, 'STEP_SUCCEEDED', 'hold-a', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 10, 1796055723927, 'STEP_RESUMED', 'notify', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 4, 1796055723934, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 5, 1796055723934, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 11, 1796055723932, 'STEP_FAILED', 'notify', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 12, 1796055723932, 'STEP_FLAGGED', 'notify', 3, 0, 'failed 3 attempts in a row and is still retried; last error: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 13, 1796055723932, 'RETRY_SCHEDULED', 'notify', 4, 0, 'due 2026-11-30T16:22:04.732Z');
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 1, 1796055723940, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/completed/2');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 11, 1796055723943, 'STEP_FAILED', 'notify', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 12, 1796055723943, 'STEP_FLAGGED', 'notify', 3, 0, 'failed 3 attempts in a row and is still retried; last error: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 13, 1796055723943, 'RETRY_SCHEDULED', 'notify', 4, 0, 'due 2026-11-30T16:22:04.743Z');
INSERT INTO public.saga_history VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 7, 1796055723941, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 3, 1796055723941, 'STEP_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 11, 1796055723942, 'STEP_FAILED', 'notify', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 12, 1796055723942, 'STEP_FLAGGED', 'notify', 3, 0, 'failed 3 attempts in a row and is still retried; last error: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 13, 1796055723942, 'RETRY_SCHEDULED', 'notify', 4, 0, 'due 2026-11-30T16:22:04.742Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 7, 1796055723938, 'COMPENSATION_FAILED', 'hold-b', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 2 fails');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 8, 1796055723938, 'COMPENSATION_STALLED', 'hold-b', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.538Z');
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 6, 1796055723949, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 10, 1796055723954, 'STEP_RESUMED', 'notify', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 2, 1796055723949, 'STEP_SUCCEEDED', 'quote', 1, 6000, NULL);
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 7, 1796055723954, 'COMPENSATION_FAILED', 'hold-b', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 2 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 8, 1796055723954, 'COMPENSATION_STALLED', 'hold-b', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.554Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 10, 1796055723954, 'STEP_RESUMED', 'notify', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 1, 1796055723961, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/completed/3');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 7, 1796055723964, 'COMPENSATION_FAILED', 'hold-b', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 2 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 8, 1796055723964, 'COMPENSATION_STALLED', 'hold-b', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.564Z');
INSERT INTO public.saga_history VALUES ('150f7866-782b-462a-9842-4d4dae332618', 7, 1796055723965, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 2, 1796055723963, 'STEP_SUCCEEDED', 'quote', 1, 1000, NULL);
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 4, 1796055723960, 'STEP_FAILED', 'verify', 1, 0, 'dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 5, 1796055723960, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 7, 1796055723968, 'COMPENSATION_FAILED', 'hold-b', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 2 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 8, 1796055723968, 'COMPENSATION_STALLED', 'hold-b', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.568Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 11, 1796055723966, 'STEP_FAILED', 'notify', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 12, 1796055723966, 'STEP_FLAGGED', 'notify', 3, 0, 'failed 3 attempts in a row and is still retried; last error: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 13, 1796055723966, 'RETRY_SCHEDULED', 'notify', 4, 0, 'due 2026-11-30T16:22:04.766Z');
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 3, 1796055723968, 'STEP_SUCCEEDED', 'lock', 1, 2000, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 11, 1796055723966, 'STEP_FAILED', 'notify', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 12, 1796055723966, 'STEP_FLAGGED', 'notify', 3, 0, 'failed 3 attempts in a row and is still retried; last error: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 3 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 13, 1796055723966, 'RETRY_SCHEDULED', 'notify', 4, 0, 'due 2026-11-30T16:22:04.766Z');
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 1, 1796055723980, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/completed/4');
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 2, 1796055723980, 'STEP_SUCCEEDED', 'quote', 1, 2000, NULL);
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 3, 1796055723980, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 6, 1796055723977, 'COMPENSATION_SUCCEEDED', 'hold-b', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 4, 1796055723995, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 1, 1796055724017, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/completed/5');
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 2, 1796055724019, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 3, 1796055724019, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 4, 1796055724019, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 7, 1796055724018, 'COMPENSATION_FAILED', 'hold-a', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 1 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 7, 1796055724022, 'COMPENSATION_FAILED', 'hold-b', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 2 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 8, 1796055724022, 'COMPENSATION_STALLED', 'hold-b', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.622Z');
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 5, 1796055724029, 'STEP_SUCCEEDED', 'report', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 6, 1796055724029, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 1, 1796055724044, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-past-deadline/1');
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 3, 1796055724045, 'STEP_SUCCEEDED', 'lock', 1, 1000, NULL);
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 2, 1796055724044, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 4, 1796055724044, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 5, 1796055724043, 'STEP_SUCCEEDED', 'report', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 6, 1796055724043, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 5, 1796055724058, 'STEP_SUCCEEDED', 'report', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 6, 1796055724058, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 1, 1796055724059, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-past-deadline/2');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 2, 1796055724059, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 4, 1796055724059, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 3, 1796055724059, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 5, 1796055724083, 'STEP_SUCCEEDED', 'report', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 6, 1796055724083, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 1, 1796055724084, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-past-deadline/3');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 3, 1796055724083, 'STEP_FAILED', 'lock', 1, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 4, 1796055724083, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:05.083Z');
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 4, 1796055724084, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 2, 1796055724084, 'STEP_SUCCEEDED', 'quote', 1, 2000, NULL);
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 1, 1796055724100, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-past-deadline/4');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 8, 1796055724088, 'COMPENSATION_FAILED', 'hold-a', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 2 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 9, 1796055724088, 'COMPENSATION_STALLED', 'hold-a', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.688Z');
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 5, 1796055724105, 'STEP_SUCCEEDED', 'report', 1, 1000, NULL);
INSERT INTO public.saga_history VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 6, 1796055724105, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 2, 1796055724101, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 3, 1796055724105, 'STEP_FAILED', 'lock', 1, 2000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 4, 1796055724105, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:05.105Z');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 8, 1796055724111, 'COMPENSATION_FAILED', 'hold-a', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 2 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 9, 1796055724111, 'COMPENSATION_STALLED', 'hold-a', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.711Z');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 1, 1796055724117, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-past-deadline/5');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 3, 1796055724125, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 4, 1796055724125, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:05.125Z');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 1, 1796055724127, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-call-cut-by-deadline/1');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 2, 1796055724127, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 2, 1796055724128, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 3, 1796055724152, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 4, 1796055724152, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:05.152Z');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 2, 1796055724152, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 8, 1796055724142, 'COMPENSATION_FAILED', 'hold-a', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 2 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 9, 1796055724142, 'COMPENSATION_STALLED', 'hold-a', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.742Z');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 3, 1796055724153, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 4, 1796055724153, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:05.153Z');
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 1, 1796055724154, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-call-cut-by-deadline/2');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 8, 1796055724160, 'COMPENSATION_FAILED', 'hold-a', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 2 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 9, 1796055724160, 'COMPENSATION_STALLED', 'hold-a', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.760Z');
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 2, 1796055724174, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 8, 1796055724169, 'COMPENSATION_FAILED', 'hold-a', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 2 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 9, 1796055724169, 'COMPENSATION_STALLED', 'hold-a', 2, 0, 'still retried; next attempt due 2026-11-30T16:22:04.769Z');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 1, 1796055724175, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/failed-call-cut-by-deadline/3');
INSERT INTO public.saga_history VALUES ('3d5d2634-ad99-4ab5-9ae9-00942ee828d9', 1, 1796055724189, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-report/1');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 2, 1796055724189, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3d5d2634-ad99-4ab5-9ae9-00942ee828d9', 2, 1796055724192, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('138775aa-5764-48e0-81c0-8192b8ac62ad', 1, 1796055724192, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-report/2');
INSERT INTO public.saga_history VALUES ('3d5d2634-ad99-4ab5-9ae9-00942ee828d9', 3, 1796055724196, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3d5d2634-ad99-4ab5-9ae9-00942ee828d9', 4, 1796055724200, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('54040205-fbb8-412c-b977-52504cc9b0cb', 1, 1796055724200, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-report/3');
INSERT INTO public.saga_history VALUES ('138775aa-5764-48e0-81c0-8192b8ac62ad', 2, 1796055724200, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('138775aa-5764-48e0-81c0-8192b8ac62ad', 3, 1796055724211, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('095b4f3c-88d0-4f9c-81df-caf8c71c1c43', 1, 1796055724211, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-report/4');
INSERT INTO public.saga_history VALUES ('54040205-fbb8-412c-b977-52504cc9b0cb', 2, 1796055724211, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('095b4f3c-88d0-4f9c-81df-caf8c71c1c43', 2, 1796055724216, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('138775aa-5764-48e0-81c0-8192b8ac62ad', 4, 1796055724213, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('54040205-fbb8-412c-b977-52504cc9b0cb', 3, 1796055724216, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 1, 1796055724217, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/completed/1');
INSERT INTO public.saga_history VALUES ('095b4f3c-88d0-4f9c-81df-caf8c71c1c43', 3, 1796055724223, 'STEP_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('54040205-fbb8-412c-b977-52504cc9b0cb', 4, 1796055724223, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 2, 1796055724225, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 1, 1796055724226, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/completed/2');
INSERT INTO public.saga_history VALUES ('095b4f3c-88d0-4f9c-81df-caf8c71c1c43', 4, 1796055724230, 'STEP_SUCCEEDED', 'commit', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 2, 1796055724231, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 3, 1796055724230, 'STEP_SUCCEEDED', 'book', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 1, 1796055724232, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/completed/3');
INSERT INTO public.saga_history VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 3, 1796055724238, 'STEP_SUCCEEDED', 'book', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 2, 1796055724241, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 4, 1796055724238, 'STEP_SUCCEEDED', 'confirm', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 5, 1796055724238, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 1, 1796055724242, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/completed/4');
INSERT INTO public.saga_history VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 4, 1796055724245, 'STEP_SUCCEEDED', 'confirm', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 5, 1796055724245, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 2, 1796055724250, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 3, 1796055724245, 'STEP_SUCCEEDED', 'book', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 1, 1796055724251, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/completed/5');
INSERT INTO public.saga_history VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 4, 1796055724260, 'STEP_SUCCEEDED', 'confirm', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 5, 1796055724260, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 1, 1796055724266, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/failed-after-retries/1');
INSERT INTO public.saga_history VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 2, 1796055724266, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 3, 1796055724260, 'STEP_SUCCEEDED', 'book', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 1, 1796055724275, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/failed-after-retries/2');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 2, 1796055724277, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 3, 1796055724276, 'STEP_SUCCEEDED', 'book', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 4, 1796055724276, 'STEP_SUCCEEDED', 'confirm', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 5, 1796055724276, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 3, 1796055724283, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 4, 1796055724283, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.283Z');
INSERT INTO public.saga_history VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 4, 1796055724283, 'STEP_SUCCEEDED', 'confirm', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 5, 1796055724283, 'SAGA_COMPLETED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 2, 1796055724282, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 1, 1796055724287, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/failed-after-retries/3');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 3, 1796055724292, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 4, 1796055724292, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.292Z');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 1, 1796055724300, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/cancelled-while-waiting/1');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 2, 1796055724299, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 1, 1796055724311, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/cancelled-while-waiting/2');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 3, 1796055724311, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 4, 1796055724311, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.311Z');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 2, 1796055724311, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 2, 1796055724319, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 1, 1796055724319, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/cancelled-while-waiting/3');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 3, 1796055724320, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 4, 1796055724320, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.320Z');
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 3, 1796055724324, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 4, 1796055724324, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.324Z');
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 1, 1796055724328, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/cancelled-while-waiting/4');
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 2, 1796055724328, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 2, 1796055724338, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 3, 1796055724338, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 4, 1796055724338, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.338Z');
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 1, 1796055724339, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/cancelled-while-waiting/5');
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 3, 1796055724342, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 4, 1796055724342, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.342Z');
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 2, 1796055724345, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 3, 1796055724360, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 4, 1796055724360, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:07.360Z');
INSERT INTO public.saga_history VALUES ('056201e2-3268-4cb9-b716-ff757cdec4c0', 3, 1796055724433, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('056201e2-3268-4cb9-b716-ff757cdec4c0', 4, 1796055724433, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('feec0c9c-565d-448a-b537-c8030c754420', 3, 1796055724454, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('feec0c9c-565d-448a-b537-c8030c754420', 4, 1796055724454, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('ccb976e3-c771-4792-aa70-0fa12b45265e', 3, 1796055724458, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('ccb976e3-c771-4792-aa70-0fa12b45265e', 4, 1796055724458, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('657eb1d9-956a-4d18-a6c5-54b5e892dff2', 3, 1796055724461, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('657eb1d9-956a-4d18-a6c5-54b5e892dff2', 4, 1796055724461, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 5, 1796055724465, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 6, 1796055724465, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 5, 1796055724470, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 6, 1796055724470, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 7, 1796055724474, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 8, 1796055724474, 'SAGA_CANCELLED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 7, 1796055724485, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 8, 1796055724485, 'SAGA_CANCELLED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 5, 1796055724494, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 6, 1796055724494, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 5, 1796055724502, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 6, 1796055724502, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 7, 1796055724505, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 8, 1796055724505, 'SAGA_CANCELLED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 5, 1796055724511, 'CANCEL_REQUESTED', NULL, 0, 0, NULL);
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 6, 1796055724511, 'COMPENSATION_STARTED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 7, 1796055724514, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 8, 1796055724514, 'SAGA_CANCELLED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 7, 1796055724544, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 8, 1796055724544, 'SAGA_CANCELLED', NULL, 0, 0, 'cancelled by an operator');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 9, 1796055724562, 'COMPENSATION_FAILED', 'hold-b', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 3 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 9, 1796055724570, 'COMPENSATION_FAILED', 'hold-b', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 3 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 9, 1796055724570, 'COMPENSATION_FAILED', 'hold-b', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 3 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 9, 1796055724584, 'COMPENSATION_FAILED', 'hold-b', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 3 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 9, 1796055724628, 'COMPENSATION_FAILED', 'hold-b', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 3 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 10, 1796055724692, 'COMPENSATION_FAILED', 'hold-a', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 3 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 10, 1796055724716, 'COMPENSATION_FAILED', 'hold-a', 3, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 3 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 14, 1796055724734, 'STEP_RESUMED', 'notify', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 15, 1796055724737, 'STEP_FAILED', 'notify', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 4 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 16, 1796055724737, 'RETRY_SCHEDULED', 'notify', 5, 0, 'due 2026-11-30T16:22:06.337Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 14, 1796055724744, 'STEP_RESUMED', 'notify', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 10, 1796055724744, 'COMPENSATION_FAILED', 'hold-a', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 3 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 15, 1796055724747, 'STEP_FAILED', 'notify', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 4 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 16, 1796055724747, 'RETRY_SCHEDULED', 'notify', 5, 0, 'due 2026-11-30T16:22:06.347Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 14, 1796055724754, 'STEP_RESUMED', 'notify', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 10, 1796055724762, 'COMPENSATION_FAILED', 'hold-a', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 3 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 15, 1796055724767, 'STEP_FAILED', 'notify', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 4 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 16, 1796055724767, 'RETRY_SCHEDULED', 'notify', 5, 0, 'due 2026-11-30T16:22:06.367Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 14, 1796055724769, 'STEP_RESUMED', 'notify', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 14, 1796055724770, 'STEP_RESUMED', 'notify', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 15, 1796055724782, 'STEP_FAILED', 'notify', 4, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 4 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 16, 1796055724782, 'RETRY_SCHEDULED', 'notify', 5, 0, 'due 2026-11-30T16:22:06.382Z');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 10, 1796055724795, 'COMPENSATION_FAILED', 'hold-a', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 3 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 15, 1796055724782, 'STEP_FAILED', 'notify', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 4 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 16, 1796055724782, 'RETRY_SCHEDULED', 'notify', 5, 0, 'due 2026-11-30T16:22:06.382Z');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 5, 1796055725094, 'STEP_RESUMED', 'lock', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 6, 1796055725102, 'STEP_FAILED', 'lock', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 2 fails');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 7, 1796055725102, 'RETRY_SCHEDULED', 'lock', 3, 0, 'due 2026-11-30T16:22:06.102Z');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 5, 1796055725115, 'STEP_RESUMED', 'lock', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 6, 1796055725123, 'STEP_FAILED', 'lock', 2, 4000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 2 fails');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 7, 1796055725123, 'RETRY_SCHEDULED', 'lock', 3, 0, 'due 2026-11-30T16:22:06.123Z');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 5, 1796055725136, 'STEP_RESUMED', 'lock', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 6, 1796055725139, 'STEP_FAILED', 'lock', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 2 fails');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 7, 1796055725139, 'RETRY_SCHEDULED', 'lock', 3, 0, 'due 2026-11-30T16:22:06.139Z');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 5, 1796055725158, 'STEP_RESUMED', 'lock', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 5, 1796055725159, 'STEP_RESUMED', 'lock', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 6, 1796055725162, 'STEP_FAILED', 'lock', 2, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 2 fails');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 7, 1796055725162, 'RETRY_SCHEDULED', 'lock', 3, 0, 'due 2026-11-30T16:22:06.162Z');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 6, 1796055725166, 'STEP_FAILED', 'lock', 2, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 2 fails');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 7, 1796055725166, 'RETRY_SCHEDULED', 'lock', 3, 0, 'due 2026-11-30T16:22:06.166Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 10, 1796055725786, 'COMPENSATION_FAILED', 'hold-b', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 4 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 10, 1796055725798, 'COMPENSATION_FAILED', 'hold-b', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 4 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 10, 1796055725798, 'COMPENSATION_FAILED', 'hold-b', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 4 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 10, 1796055725797, 'COMPENSATION_FAILED', 'hold-b', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 4 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 10, 1796055725834, 'COMPENSATION_FAILED', 'hold-b', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 4 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 11, 1796055725895, 'COMPENSATION_FAILED', 'hold-a', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 4 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 11, 1796055725919, 'COMPENSATION_FAILED', 'hold-a', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 4 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 11, 1796055725957, 'COMPENSATION_FAILED', 'hold-a', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 4 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 11, 1796055725977, 'COMPENSATION_FAILED', 'hold-a', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 4 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 11, 1796055726003, 'COMPENSATION_FAILED', 'hold-a', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 4 fails');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 8, 1796055726104, 'STEP_RESUMED', 'lock', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 9, 1796055726108, 'STEP_FAILED', 'lock', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 3 fails');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 10, 1796055726108, 'DEADLINE_EXCEEDED', 'lock', 3, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.044Z');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 11, 1796055726108, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 12, 1796055726112, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 13, 1796055726112, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 8, 1796055726125, 'STEP_RESUMED', 'lock', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 9, 1796055726127, 'STEP_FAILED', 'lock', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 3 fails');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 10, 1796055726127, 'DEADLINE_EXCEEDED', 'lock', 3, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.059Z');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 11, 1796055726127, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 12, 1796055726129, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 13, 1796055726129, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 8, 1796055726147, 'STEP_RESUMED', 'lock', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 9, 1796055726149, 'STEP_FAILED', 'lock', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 3 fails');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 10, 1796055726149, 'DEADLINE_EXCEEDED', 'lock', 3, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.084Z');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 11, 1796055726149, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 12, 1796055726152, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 13, 1796055726152, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 8, 1796055726175, 'STEP_RESUMED', 'lock', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 9, 1796055726183, 'STEP_FAILED', 'lock', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 3 fails');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 10, 1796055726183, 'DEADLINE_EXCEEDED', 'lock', 3, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.100Z');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 11, 1796055726183, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 8, 1796055726184, 'STEP_RESUMED', 'lock', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 9, 1796055726191, 'STEP_FAILED', 'lock', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 3 fails');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 10, 1796055726191, 'DEADLINE_EXCEEDED', 'lock', 3, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.117Z');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 11, 1796055726191, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 12, 1796055726192, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 13, 1796055726192, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 12, 1796055726199, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 13, 1796055726199, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 17, 1796055726340, 'STEP_RESUMED', 'notify', 5, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 18, 1796055726344, 'STEP_FAILED', 'notify', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 5 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 19, 1796055726344, 'RETRY_SCHEDULED', 'notify', 6, 0, 'due 2026-11-30T16:22:08.344Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 17, 1796055726349, 'STEP_RESUMED', 'notify', 5, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 18, 1796055726353, 'STEP_FAILED', 'notify', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 5 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 19, 1796055726353, 'RETRY_SCHEDULED', 'notify', 6, 0, 'due 2026-11-30T16:22:08.353Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 17, 1796055726371, 'STEP_RESUMED', 'notify', 5, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 18, 1796055726377, 'STEP_FAILED', 'notify', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 5 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 19, 1796055726377, 'RETRY_SCHEDULED', 'notify', 6, 0, 'due 2026-11-30T16:22:08.377Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 17, 1796055726387, 'STEP_RESUMED', 'notify', 5, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 17, 1796055726387, 'STEP_RESUMED', 'notify', 5, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 18, 1796055726390, 'STEP_FAILED', 'notify', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 5 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 19, 1796055726390, 'RETRY_SCHEDULED', 'notify', 6, 0, 'due 2026-11-30T16:22:08.390Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 18, 1796055726393, 'STEP_FAILED', 'notify', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 5 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 19, 1796055726393, 'RETRY_SCHEDULED', 'notify', 6, 0, 'due 2026-11-30T16:22:08.393Z');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 3, 1796055727137, 'STEP_FAILED', 'lock', 1, 2971000, 'attempt timed out after 2961 ms (outcome unknown)');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 4, 1796055727137, 'DEADLINE_EXCEEDED', 'lock', 1, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.127Z');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 5, 1796055727137, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 6, 1796055727142, 'COMPENSATION_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 3, 1796055727155, 'STEP_FAILED', 'lock', 1, 2970000, 'attempt timed out after 2970 ms (outcome unknown)');
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 4, 1796055727155, 'DEADLINE_EXCEEDED', 'lock', 1, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.154Z');
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 5, 1796055727155, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 3, 1796055727176, 'STEP_FAILED', 'lock', 1, 2983000, 'attempt timed out after 2983 ms (outcome unknown)');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 4, 1796055727176, 'DEADLINE_EXCEEDED', 'lock', 1, 0, 'the next retry would come after the saga deadline 2026-11-30T16:22:07.175Z');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 5, 1796055727176, 'COMPENSATION_STARTED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 7, 1796055727178, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 8, 1796055727178, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 6, 1796055727183, 'COMPENSATION_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 6, 1796055727183, 'COMPENSATION_SUCCEEDED', 'lock', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 7, 1796055727196, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 8, 1796055727196, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 7, 1796055727196, 'COMPENSATION_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 8, 1796055727196, 'SAGA_FAILED', NULL, 0, 0, 'deadline exceeded at step ''lock''');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 5, 1796055727300, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 5, 1796055727299, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 6, 1796055727307, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 7, 1796055727307, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:10.307Z');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 6, 1796055727309, 'STEP_FAILED', 'book', 2, 2000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 7, 1796055727309, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:10.309Z');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 5, 1796055727315, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 6, 1796055727317, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 7, 1796055727317, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:10.317Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 11, 1796055727792, 'COMPENSATION_FAILED', 'hold-b', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 5 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 11, 1796055727799, 'COMPENSATION_FAILED', 'hold-b', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 5 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 11, 1796055727802, 'COMPENSATION_FAILED', 'hold-b', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 5 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 11, 1796055727803, 'COMPENSATION_FAILED', 'hold-b', 5, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 5 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 11, 1796055727843, 'COMPENSATION_FAILED', 'hold-b', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 5 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 12, 1796055727904, 'COMPENSATION_FAILED', 'hold-a', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 5 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 12, 1796055727924, 'COMPENSATION_FAILED', 'hold-a', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 5 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 12, 1796055727961, 'COMPENSATION_FAILED', 'hold-a', 5, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 5 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 12, 1796055727983, 'COMPENSATION_FAILED', 'hold-a', 5, 3000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 5 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 12, 1796055728013, 'COMPENSATION_FAILED', 'hold-a', 5, 1000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 5 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 20, 1796055728346, 'STEP_RESUMED', 'notify', 6, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 20, 1796055728366, 'STEP_RESUMED', 'notify', 6, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 21, 1796055728367, 'STEP_FAILED', 'notify', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 6 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 22, 1796055728367, 'RETRY_SCHEDULED', 'notify', 7, 0, 'due 2026-11-30T16:22:10.367Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 21, 1796055728375, 'STEP_FAILED', 'notify', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 6 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 22, 1796055728375, 'RETRY_SCHEDULED', 'notify', 7, 0, 'due 2026-11-30T16:22:10.375Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 20, 1796055728379, 'STEP_RESUMED', 'notify', 6, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 21, 1796055728391, 'STEP_FAILED', 'notify', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 6 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 22, 1796055728391, 'RETRY_SCHEDULED', 'notify', 7, 0, 'due 2026-11-30T16:22:10.391Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 20, 1796055728396, 'STEP_RESUMED', 'notify', 6, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 21, 1796055728410, 'STEP_FAILED', 'notify', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 6 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 22, 1796055728410, 'RETRY_SCHEDULED', 'notify', 7, 0, 'due 2026-11-30T16:22:10.410Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 20, 1796055728411, 'STEP_RESUMED', 'notify', 6, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 21, 1796055728429, 'STEP_FAILED', 'notify', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 6 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 22, 1796055728429, 'RETRY_SCHEDULED', 'notify', 7, 0, 'due 2026-11-30T16:22:10.429Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 12, 1796055729795, 'COMPENSATION_FAILED', 'hold-b', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 6 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 12, 1796055729802, 'COMPENSATION_FAILED', 'hold-b', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 6 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 12, 1796055729805, 'COMPENSATION_FAILED', 'hold-b', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 6 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 12, 1796055729805, 'COMPENSATION_FAILED', 'hold-b', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 6 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 12, 1796055729848, 'COMPENSATION_FAILED', 'hold-b', 6, 2000, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 6 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 13, 1796055729906, 'COMPENSATION_FAILED', 'hold-a', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 6 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 13, 1796055729931, 'COMPENSATION_FAILED', 'hold-a', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 6 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 13, 1796055729965, 'COMPENSATION_FAILED', 'hold-a', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 6 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 13, 1796055729992, 'COMPENSATION_FAILED', 'hold-a', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 6 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 13, 1796055730016, 'COMPENSATION_FAILED', 'hold-a', 6, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 6 fails');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 8, 1796055730310, 'STEP_RESUMED', 'book', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 8, 1796055730318, 'STEP_RESUMED', 'book', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 9, 1796055730317, 'STEP_FAILED', 'book', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 3 fails');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 10, 1796055730317, 'RETRY_SCHEDULED', 'book', 4, 0, 'due 2026-11-30T16:22:13.317Z');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 8, 1796055730325, 'STEP_RESUMED', 'book', 3, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 9, 1796055730322, 'STEP_FAILED', 'book', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 3 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 10, 1796055730322, 'RETRY_SCHEDULED', 'book', 4, 0, 'due 2026-11-30T16:22:13.322Z');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 9, 1796055730333, 'STEP_FAILED', 'book', 3, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 3 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 10, 1796055730333, 'RETRY_SCHEDULED', 'book', 4, 0, 'due 2026-11-30T16:22:13.333Z');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 23, 1796055730370, 'STEP_RESUMED', 'notify', 7, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 24, 1796055730374, 'STEP_FAILED', 'notify', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 7 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 25, 1796055730374, 'RETRY_SCHEDULED', 'notify', 8, 0, 'due 2026-11-30T16:22:12.374Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 23, 1796055730381, 'STEP_RESUMED', 'notify', 7, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 24, 1796055730386, 'STEP_FAILED', 'notify', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 7 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 25, 1796055730386, 'RETRY_SCHEDULED', 'notify', 8, 0, 'due 2026-11-30T16:22:12.386Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 23, 1796055730392, 'STEP_RESUMED', 'notify', 7, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 24, 1796055730394, 'STEP_FAILED', 'notify', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 7 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 25, 1796055730394, 'RETRY_SCHEDULED', 'notify', 8, 0, 'due 2026-11-30T16:22:12.394Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 23, 1796055730422, 'STEP_RESUMED', 'notify', 7, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 24, 1796055730424, 'STEP_FAILED', 'notify', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 7 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 25, 1796055730424, 'RETRY_SCHEDULED', 'notify', 8, 0, 'due 2026-11-30T16:22:12.424Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 23, 1796055730438, 'STEP_RESUMED', 'notify', 7, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 24, 1796055730441, 'STEP_FAILED', 'notify', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 7 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 25, 1796055730441, 'RETRY_SCHEDULED', 'notify', 8, 0, 'due 2026-11-30T16:22:12.441Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 13, 1796055731798, 'COMPENSATION_FAILED', 'hold-b', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 7 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 13, 1796055731804, 'COMPENSATION_FAILED', 'hold-b', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 7 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 13, 1796055731806, 'COMPENSATION_FAILED', 'hold-b', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 7 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 13, 1796055731806, 'COMPENSATION_FAILED', 'hold-b', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 7 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 13, 1796055731855, 'COMPENSATION_FAILED', 'hold-b', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 7 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 14, 1796055731909, 'COMPENSATION_FAILED', 'hold-a', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 7 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 14, 1796055731933, 'COMPENSATION_FAILED', 'hold-a', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 7 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 14, 1796055731967, 'COMPENSATION_FAILED', 'hold-a', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 7 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 14, 1796055731995, 'COMPENSATION_FAILED', 'hold-a', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 7 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 14, 1796055732020, 'COMPENSATION_FAILED', 'hold-a', 7, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 7 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 26, 1796055732378, 'STEP_RESUMED', 'notify', 8, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 27, 1796055732381, 'STEP_FAILED', 'notify', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 8 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 28, 1796055732381, 'RETRY_SCHEDULED', 'notify', 9, 0, 'due 2026-11-30T16:22:14.381Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 26, 1796055732387, 'STEP_RESUMED', 'notify', 8, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 27, 1796055732389, 'STEP_FAILED', 'notify', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 8 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 28, 1796055732389, 'RETRY_SCHEDULED', 'notify', 9, 0, 'due 2026-11-30T16:22:14.389Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 26, 1796055732396, 'STEP_RESUMED', 'notify', 8, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 27, 1796055732398, 'STEP_FAILED', 'notify', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 8 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 28, 1796055732398, 'RETRY_SCHEDULED', 'notify', 9, 0, 'due 2026-11-30T16:22:14.398Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 26, 1796055732427, 'STEP_RESUMED', 'notify', 8, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 27, 1796055732429, 'STEP_FAILED', 'notify', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 8 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 28, 1796055732429, 'RETRY_SCHEDULED', 'notify', 9, 0, 'due 2026-11-30T16:22:14.429Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 26, 1796055732443, 'STEP_RESUMED', 'notify', 8, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 27, 1796055732445, 'STEP_FAILED', 'notify', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 8 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 28, 1796055732445, 'RETRY_SCHEDULED', 'notify', 9, 0, 'due 2026-11-30T16:22:14.445Z');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 11, 1796055733319, 'STEP_RESUMED', 'book', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 11, 1796055733326, 'STEP_RESUMED', 'book', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 12, 1796055733328, 'STEP_FAILED', 'book', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 13, 1796055733328, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 12, 1796055733332, 'STEP_FAILED', 'book', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 13, 1796055733332, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 11, 1796055733335, 'STEP_RESUMED', 'book', 4, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 14, 1796055733356, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 15, 1796055733356, 'SAGA_FAILED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 14, 1796055733356, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 15, 1796055733356, 'SAGA_FAILED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 12, 1796055733368, 'STEP_FAILED', 'book', 4, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 13, 1796055733368, 'COMPENSATION_STARTED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 14, 1796055733380, 'COMPENSATION_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 15, 1796055733380, 'SAGA_FAILED', NULL, 0, 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 14, 1796055733808, 'COMPENSATION_FAILED', 'hold-b', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 8 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 14, 1796055733812, 'COMPENSATION_FAILED', 'hold-b', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 8 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 14, 1796055733812, 'COMPENSATION_FAILED', 'hold-b', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 8 fails');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 14, 1796055733802, 'COMPENSATION_FAILED', 'hold-b', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 8 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 14, 1796055733863, 'COMPENSATION_FAILED', 'hold-b', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 8 fails');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 1, 1796055733910, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-3/1');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 15, 1796055733912, 'COMPENSATION_FAILED', 'hold-a', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 8 fails');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 2, 1796055733914, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 1, 1796055733915, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-3/2');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 3, 1796055733921, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 4, 1796055733921, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:16.921Z');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 1, 1796055733934, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-3/3');
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 2, 1796055733929, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 15, 1796055733939, 'COMPENSATION_FAILED', 'hold-a', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 8 fails');
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 1, 1796055733943, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-3/4');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 2, 1796055733943, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 1, 1796055733945, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-3/5');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 3, 1796055733948, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 4, 1796055733948, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:16.948Z');
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 2, 1796055733947, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 3, 1796055733944, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 4, 1796055733944, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:16.944Z');
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 2, 1796055733952, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 3, 1796055733968, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 4, 1796055733968, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:16.968Z');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 15, 1796055733972, 'COMPENSATION_FAILED', 'hold-a', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 8 fails');
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 3, 1796055733971, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 4, 1796055733971, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:16.971Z');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 15, 1796055733997, 'COMPENSATION_FAILED', 'hold-a', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 8 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 15, 1796055734022, 'COMPENSATION_FAILED', 'hold-a', 8, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 8 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 29, 1796055734391, 'STEP_RESUMED', 'notify', 9, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 30, 1796055734396, 'STEP_FAILED', 'notify', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 9 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 31, 1796055734396, 'RETRY_SCHEDULED', 'notify', 10, 0, 'due 2026-11-30T16:22:16.396Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 29, 1796055734402, 'STEP_RESUMED', 'notify', 9, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 30, 1796055734406, 'STEP_FAILED', 'notify', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 9 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 31, 1796055734406, 'RETRY_SCHEDULED', 'notify', 10, 0, 'due 2026-11-30T16:22:16.406Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 29, 1796055734420, 'STEP_RESUMED', 'notify', 9, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 30, 1796055734429, 'STEP_FAILED', 'notify', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 9 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 31, 1796055734429, 'RETRY_SCHEDULED', 'notify', 10, 0, 'due 2026-11-30T16:22:16.429Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 29, 1796055734432, 'STEP_RESUMED', 'notify', 9, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 30, 1796055734439, 'STEP_FAILED', 'notify', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 9 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 31, 1796055734439, 'RETRY_SCHEDULED', 'notify', 10, 0, 'due 2026-11-30T16:22:16.439Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 29, 1796055734447, 'STEP_RESUMED', 'notify', 9, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 30, 1796055734449, 'STEP_FAILED', 'notify', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 9 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 31, 1796055734449, 'RETRY_SCHEDULED', 'notify', 10, 0, 'due 2026-11-30T16:22:16.449Z');
INSERT INTO public.saga_history VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 15, 1796055735804, 'COMPENSATION_FAILED', 'hold-b', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 9 fails');
INSERT INTO public.saga_history VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 15, 1796055735810, 'COMPENSATION_FAILED', 'hold-b', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 9 fails');
INSERT INTO public.saga_history VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 15, 1796055735814, 'COMPENSATION_FAILED', 'hold-b', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 9 fails');
INSERT INTO public.saga_history VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 15, 1796055735815, 'COMPENSATION_FAILED', 'hold-b', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 9 fails');
INSERT INTO public.saga_history VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 15, 1796055735866, 'COMPENSATION_FAILED', 'hold-b', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-b attempt 9 fails');
INSERT INTO public.saga_history VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 16, 1796055735914, 'COMPENSATION_FAILED', 'hold-a', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 9 fails');
INSERT INTO public.saga_history VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 16, 1796055735941, 'COMPENSATION_FAILED', 'hold-a', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 9 fails');
INSERT INTO public.saga_history VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 16, 1796055735974, 'COMPENSATION_FAILED', 'hold-a', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 9 fails');
INSERT INTO public.saga_history VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 16, 1796055736000, 'COMPENSATION_FAILED', 'hold-a', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 9 fails');
INSERT INTO public.saga_history VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 16, 1796055736024, 'COMPENSATION_FAILED', 'hold-a', 9, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: hold-a attempt 9 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 32, 1796055736399, 'STEP_RESUMED', 'notify', 10, 0, NULL);
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 33, 1796055736402, 'STEP_FAILED', 'notify', 10, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 10 fails');
INSERT INTO public.saga_history VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 34, 1796055736402, 'RETRY_SCHEDULED', 'notify', 11, 0, 'due 2026-11-30T16:22:18.402Z');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 32, 1796055736408, 'STEP_RESUMED', 'notify', 10, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 33, 1796055736410, 'STEP_FAILED', 'notify', 10, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 10 fails');
INSERT INTO public.saga_history VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 34, 1796055736410, 'RETRY_SCHEDULED', 'notify', 11, 0, 'due 2026-11-30T16:22:18.410Z');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 32, 1796055736431, 'STEP_RESUMED', 'notify', 10, 0, NULL);
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 33, 1796055736434, 'STEP_FAILED', 'notify', 10, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 10 fails');
INSERT INTO public.saga_history VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 34, 1796055736434, 'RETRY_SCHEDULED', 'notify', 11, 0, 'due 2026-11-30T16:22:18.434Z');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 32, 1796055736440, 'STEP_RESUMED', 'notify', 10, 0, NULL);
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 33, 1796055736442, 'STEP_FAILED', 'notify', 10, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 10 fails');
INSERT INTO public.saga_history VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 34, 1796055736442, 'RETRY_SCHEDULED', 'notify', 11, 0, 'due 2026-11-30T16:22:18.442Z');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 32, 1796055736450, 'STEP_RESUMED', 'notify', 10, 0, NULL);
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 33, 1796055736452, 'STEP_FAILED', 'notify', 10, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: notify attempt 10 fails');
INSERT INTO public.saga_history VALUES ('dda2f370-387b-4248-a053-42976d02446d', 34, 1796055736452, 'RETRY_SCHEDULED', 'notify', 11, 0, 'due 2026-11-30T16:22:18.452Z');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 5, 1796055736925, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 6, 1796055736928, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 7, 1796055736928, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:19.928Z');
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 5, 1796055736946, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 6, 1796055736948, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 7, 1796055736948, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:19.948Z');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 5, 1796055736949, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 6, 1796055736952, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 7, 1796055736952, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:19.952Z');
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 5, 1796055736969, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 6, 1796055736971, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 7, 1796055736971, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:19.971Z');
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 5, 1796055736973, 'STEP_RESUMED', 'book', 2, 0, NULL);
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 6, 1796055736976, 'STEP_FAILED', 'book', 2, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 2 fails');
INSERT INTO public.saga_history VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 7, 1796055736976, 'RETRY_SCHEDULED', 'book', 3, 0, 'due 2026-11-30T16:22:19.976Z');
INSERT INTO public.saga_history VALUES ('f47996c3-ad79-49be-b712-96d0d07364b2', 1, 1796055736994, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-2/1');
INSERT INTO public.saga_history VALUES ('f47996c3-ad79-49be-b712-96d0d07364b2', 2, 1796055736998, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ca82c335-a0ce-4736-ac2f-599bc99fbe74', 1, 1796055737000, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-2/2');
INSERT INTO public.saga_history VALUES ('ca82c335-a0ce-4736-ac2f-599bc99fbe74', 2, 1796055737009, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f47996c3-ad79-49be-b712-96d0d07364b2', 3, 1796055737005, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('f47996c3-ad79-49be-b712-96d0d07364b2', 4, 1796055737005, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:20.005Z');
INSERT INTO public.saga_history VALUES ('0dbe5190-2aab-4bc9-9b50-2b260fa0224f', 1, 1796055737011, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-2/3');
INSERT INTO public.saga_history VALUES ('0dbe5190-2aab-4bc9-9b50-2b260fa0224f', 2, 1796055737019, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ca82c335-a0ce-4736-ac2f-599bc99fbe74', 3, 1796055737016, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('ca82c335-a0ce-4736-ac2f-599bc99fbe74', 4, 1796055737016, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:20.016Z');
INSERT INTO public.saga_history VALUES ('b9e8f5f1-629b-44c8-9fbe-3405f14225ff', 1, 1796055737019, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-2/4');
INSERT INTO public.saga_history VALUES ('0dbe5190-2aab-4bc9-9b50-2b260fa0224f', 3, 1796055737024, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('0dbe5190-2aab-4bc9-9b50-2b260fa0224f', 4, 1796055737024, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:20.024Z');
INSERT INTO public.saga_history VALUES ('ebb3ce2a-2027-42c5-b4f2-a7614f833926', 1, 1796055737029, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-retry/waiting-retry-attempt-2/5');
INSERT INTO public.saga_history VALUES ('b9e8f5f1-629b-44c8-9fbe-3405f14225ff', 2, 1796055737026, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b9e8f5f1-629b-44c8-9fbe-3405f14225ff', 3, 1796055737034, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('b9e8f5f1-629b-44c8-9fbe-3405f14225ff', 4, 1796055737034, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:20.034Z');
INSERT INTO public.saga_history VALUES ('5be500e3-d127-4f7e-b469-92ca6154751c', 1, 1796055737036, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-lock-before-deadline/1');
INSERT INTO public.saga_history VALUES ('ebb3ce2a-2027-42c5-b4f2-a7614f833926', 2, 1796055737036, 'STEP_SUCCEEDED', 'prepare', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('70c7a3c9-9dc8-42ce-97ab-885f9de07749', 1, 1796055737042, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-lock-before-deadline/2');
INSERT INTO public.saga_history VALUES ('5be500e3-d127-4f7e-b469-92ca6154751c', 2, 1796055737043, 'STEP_SUCCEEDED', 'quote', 1, 1000, NULL);
INSERT INTO public.saga_history VALUES ('ebb3ce2a-2027-42c5-b4f2-a7614f833926', 3, 1796055737042, 'STEP_FAILED', 'book', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 1 fails');
INSERT INTO public.saga_history VALUES ('ebb3ce2a-2027-42c5-b4f2-a7614f833926', 4, 1796055737042, 'RETRY_SCHEDULED', 'book', 2, 0, 'due 2026-11-30T16:22:20.042Z');
INSERT INTO public.saga_history VALUES ('de7bd4f0-29f0-47f1-ad2b-654a7b328358', 1, 1796055737045, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-lock-before-deadline/3');
INSERT INTO public.saga_history VALUES ('70c7a3c9-9dc8-42ce-97ab-885f9de07749', 2, 1796055737046, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('de7bd4f0-29f0-47f1-ad2b-654a7b328358', 2, 1796055737050, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('ce879771-7e68-4206-b54e-85d3fee7df1a', 1, 1796055737050, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/running-at-lock-before-deadline/4');
INSERT INTO public.saga_history VALUES ('36409c11-52a5-4383-abce-a8ef0dceca1f', 1, 1796055737053, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/waiting-retry-before-deadline/1');
INSERT INTO public.saga_history VALUES ('ce879771-7e68-4206-b54e-85d3fee7df1a', 2, 1796055737053, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('36409c11-52a5-4383-abce-a8ef0dceca1f', 2, 1796055737055, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4e112fc-410c-480f-8ce3-4378cec6a53b', 1, 1796055737055, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/waiting-retry-before-deadline/2');
INSERT INTO public.saga_history VALUES ('36409c11-52a5-4383-abce-a8ef0dceca1f', 3, 1796055737057, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('36409c11-52a5-4383-abce-a8ef0dceca1f', 4, 1796055737057, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:18.057Z');
INSERT INTO public.saga_history VALUES ('d4e112fc-410c-480f-8ce3-4378cec6a53b', 2, 1796055737058, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('d4e112fc-410c-480f-8ce3-4378cec6a53b', 3, 1796055737060, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('d4e112fc-410c-480f-8ce3-4378cec6a53b', 4, 1796055737060, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:18.060Z');
INSERT INTO public.saga_history VALUES ('f5763792-7d20-40db-a63e-1f4ef22b99b4', 1, 1796055737063, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-deadline/waiting-retry-before-deadline/3');
INSERT INTO public.saga_history VALUES ('f5763792-7d20-40db-a63e-1f4ef22b99b4', 2, 1796055737064, 'STEP_SUCCEEDED', 'quote', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('0dd338b2-b369-4bb1-bbd4-3b2847204fcc', 1, 1796055737065, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-remote/waiting-for-reply/1');
INSERT INTO public.saga_history VALUES ('3faf0b1f-aa51-4441-8da6-c0615ecb215d', 1, 1796055737067, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-remote/waiting-for-reply/2');
INSERT INTO public.saga_history VALUES ('0dd338b2-b369-4bb1-bbd4-3b2847204fcc', 2, 1796055737067, 'STEP_SUCCEEDED', 'hold', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('f5763792-7d20-40db-a63e-1f4ef22b99b4', 3, 1796055737066, 'STEP_FAILED', 'lock', 1, 0, 'dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: lock attempt 1 fails');
INSERT INTO public.saga_history VALUES ('f5763792-7d20-40db-a63e-1f4ef22b99b4', 4, 1796055737066, 'RETRY_SCHEDULED', 'lock', 2, 0, 'due 2026-11-30T16:22:18.066Z');
INSERT INTO public.saga_history VALUES ('b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb', 1, 1796055737071, 'SAGA_STARTED', NULL, 0, 0, 'correlation id legacy-remote/waiting-for-reply/3');
INSERT INTO public.saga_history VALUES ('0dd338b2-b369-4bb1-bbd4-3b2847204fcc', 3, 1796055737070, 'COMMAND_SENT', 'charge-remote', 1, 0, 'LegacyCharge to legacy.payments, message e51b9bd4-df70-426c-a334-7dbc4c45b255');
INSERT INTO public.saga_history VALUES ('3faf0b1f-aa51-4441-8da6-c0615ecb215d', 2, 1796055737083, 'STEP_SUCCEEDED', 'hold', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb', 2, 1796055737084, 'STEP_SUCCEEDED', 'hold', 1, 0, NULL);
INSERT INTO public.saga_history VALUES ('3faf0b1f-aa51-4441-8da6-c0615ecb215d', 3, 1796055737109, 'COMMAND_SENT', 'charge-remote', 1, 0, 'LegacyCharge to legacy.payments, message 4208da53-9a24-4f2e-9f9e-a501114125b1');
INSERT INTO public.saga_history VALUES ('b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb', 3, 1796055737110, 'COMMAND_SENT', 'charge-remote', 1, 0, 'LegacyCharge to legacy.payments, message 7f871f7e-01a4-442f-a3a5-6e045e3721a5');


--
-- Data for Name: saga_instance; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.saga_instance VALUES ('06860b10-dba8-4749-9240-5aa39379a993', 'legacy-order', 1, 'legacy-order/completed/2', 'legacy-order/completed/2', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:23', 6, 1796055722026, 1796055722150, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4a1e7ae7-b153-4d67-a06b-3c9c73c47124', 'legacy-order', 1, 'legacy-order/completed/3', 'legacy-order/completed/3', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:24', 6, 1796055722052, 1796055722150, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('716de108-1090-4963-8447-ea1ee798934e', 'legacy-order', 1, 'legacy-order/completed/1', 'legacy-order/completed/1', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:25', 6, 1796055721954, 1796055722151, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4c7e5737-855a-488f-8e68-77f95437fd8f', 'legacy-order', 1, 'legacy-order/completed/4', 'legacy-order/completed/4', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:30', 6, 1796055722062, 1796055722204, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('df02f920-5063-469b-a021-fa486f37aaeb', 'legacy-order', 1, 'legacy-order/completed/5', 'legacy-order/completed/5', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:33', 6, 1796055722085, 1796055722221, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('5fa17dae-7fd5-4b59-af3e-2d1d546e1334', 'legacy-order', 1, 'legacy-order/completed/6', 'legacy-order/completed/6', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:36', 6, 1796055722119, 1796055722252, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('dd63186e-987d-48c0-ab74-c9d631e697f3', 'legacy-order', 1, 'legacy-order/completed/7', 'legacy-order/completed/7', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:41', 6, 1796055722143, 1796055722272, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('c104cc93-4fff-49af-84c3-73948fe4ae22', 'legacy-order', 1, 'legacy-order/completed/8', 'legacy-order/completed/8', 'COMPLETED', '{"label":"completed","plan":{},"trail":["reserve","charge","ship","notify"]}', 4, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 5, '3d9f88c78767ce15:47', 6, 1796055722180, 1796055722346, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('d4f800ba-a05e-408d-b7cd-4f0bc8eb2348', 'legacy-order', 1, 'legacy-order/failed-at-charge/1', 'legacy-order/failed-at-charge/1', 'FAILED', '{"label":"failed-at-charge","plan":{"charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', NULL, NULL, NULL, NULL, 10, '3d9f88c78767ce15:102', 12, 1796055722219, 1796055722733, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('20e0f5a0-0e04-4080-8dc5-ba54b479425d', 'legacy-order', 1, 'legacy-order/failed-at-charge/3', 'legacy-order/failed-at-charge/3', 'FAILED', '{"label":"failed-at-charge","plan":{"charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', NULL, NULL, NULL, NULL, 10, '3d9f88c78767ce15:129', 12, 1796055722284, 1796055722979, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4262b74f-5e03-43e7-aa55-166a78d669da', 'legacy-order', 1, 'legacy-order/failed-at-charge/2', 'legacy-order/failed-at-charge/2', 'FAILED', '{"label":"failed-at-charge","plan":{"charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', NULL, NULL, NULL, NULL, 10, '3d9f88c78767ce15:133', 12, 1796055722255, 1796055723004, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('0e11b66e-bffa-4fde-bb21-7ba3b7b8937f', 'legacy-order', 1, 'legacy-order/failed-at-charge/4', 'legacy-order/failed-at-charge/4', 'FAILED', '{"label":"failed-at-charge","plan":{"charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', NULL, NULL, NULL, NULL, 10, '3d9f88c78767ce15:141', 12, 1796055722338, 1796055723064, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('150e0234-06ce-4fd2-abee-739caa18de07', 'legacy-order', 1, 'legacy-order/failed-at-charge/5', 'legacy-order/failed-at-charge/5', 'FAILED', '{"label":"failed-at-charge","plan":{"charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', NULL, NULL, NULL, NULL, 10, '3d9f88c78767ce15:142', 12, 1796055722351, 1796055723064, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('db005009-2267-4f80-aa5f-23ad1a975fb0', 'legacy-order', 1, 'legacy-order/failed-at-pivot/1', 'legacy-order/failed-at-pivot/1', 'FAILED', '{"label":"failed-at-pivot","plan":{"ship":"fail"},"trail":["reserve","charge"]}', 2, 0, 0, '', 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails', NULL, NULL, NULL, NULL, 12, '3d9f88c78767ce15:180', 14, 1796055722404, 1796055723180, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4ae51f0b-17c0-481f-8e85-8eeeed2b8c44', 'legacy-order', 1, 'legacy-order/running-at-reserve/1', 'legacy-order/running-at-reserve/1', 'RUNNING', '{"label":"running-at-reserve","plan":{"reserve":"block"},"trail":[]}', 0, 0, 0, '', 0, NULL, 1796055722539, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 1, '3d9f88c78767ce15:79', 1, 1796055722539, 1796055722539, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('d20dd977-3fdb-45b3-aa3b-7213dfe1d75d', 'legacy-order', 1, 'legacy-order/running-at-reserve/2', 'legacy-order/running-at-reserve/2', 'RUNNING', '{"label":"running-at-reserve","plan":{"reserve":"block"},"trail":[]}', 0, 0, 0, '', 0, NULL, 1796055722587, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 1, '3d9f88c78767ce15:84', 1, 1796055722587, 1796055722587, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('85d6fbad-8890-400e-b6fe-808136a2ef04', 'legacy-order', 1, 'legacy-order/failed-at-pivot/4', 'legacy-order/failed-at-pivot/4', 'FAILED', '{"label":"failed-at-pivot","plan":{"ship":"fail"},"trail":["reserve","charge"]}', 2, 0, 0, '', 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails', NULL, NULL, NULL, NULL, 12, '3d9f88c78767ce15:182', 14, 1796055722497, 1796055723181, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('1fd34bff-2304-4a0c-a8c6-871921915be0', 'legacy-order', 1, 'legacy-order/running-at-pivot/1', 'legacy-order/running-at-pivot/1', 'RUNNING', '{"label":"running-at-pivot","plan":{"ship":"block"},"trail":["reserve","charge"]}', 2, 0, 0, '0,1', 0, NULL, 1796055723130, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:161', 3, 1796055722936, 1796055723130, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('76eafc67-69bd-4878-9a41-cb5136fbe70b', 'legacy-order', 1, 'legacy-order/running-at-charge-attempt-2/1', 'legacy-order/running-at-charge-attempt-2/1', 'RUNNING', '{"label":"running-at-charge-attempt-2","plan":{"charge":"fail-then-block"},"trail":["reserve"]}', 1, 1, 0, '0', 0, NULL, 1796055723101, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 5, '3d9f88c78767ce15:153', 5, 1796055722774, 1796055723101, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('3cf265cb-5526-4c39-9803-ef5cd1cb6c2b', 'legacy-order', 1, 'legacy-order/running-at-charge/1', 'legacy-order/running-at-charge/1', 'RUNNING', '{"label":"running-at-charge","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0', 0, NULL, 1796055722711, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 2, '3d9f88c78767ce15:97', 2, 1796055722670, 1796055722711, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('9ff2072e-e32d-48da-a55a-8cc64daa6061', 'legacy-order', 1, 'legacy-order/running-at-charge/2', 'legacy-order/running-at-charge/2', 'RUNNING', '{"label":"running-at-charge","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0', 0, NULL, 1796055722740, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 2, '3d9f88c78767ce15:104', 2, 1796055722713, 1796055722740, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('49e0ba64-1577-4510-be3e-13c2824462dc', 'legacy-order', 1, 'legacy-order/running-at-reserve/5', 'legacy-order/running-at-reserve/5', 'RUNNING', '{"label":"running-at-reserve","plan":{"reserve":"block"},"trail":[]}', 0, 0, 0, '', 0, NULL, 1796055722651, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 1, '3d9f88c78767ce15:92', 1, 1796055722651, 1796055722651, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('42f0cd80-63ca-4d79-80dd-e58b41002c7f', 'legacy-order', 1, 'legacy-order/running-at-charge-attempt-2/4', 'legacy-order/running-at-charge-attempt-2/4', 'RUNNING', '{"label":"running-at-charge-attempt-2","plan":{"charge":"fail-then-block"},"trail":["reserve"]}', 1, 1, 0, '0', 0, NULL, 1796055723091, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 5, '3d9f88c78767ce15:152', 5, 1796055722792, 1796055723091, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('1d1a8b38-c355-49af-91bb-08222f17fee5', 'legacy-order', 1, 'legacy-order/running-at-reserve/3', 'legacy-order/running-at-reserve/3', 'RUNNING', '{"label":"running-at-reserve","plan":{"reserve":"block"},"trail":[]}', 0, 0, 0, '', 0, NULL, 1796055722601, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 1, '3d9f88c78767ce15:87', 1, 1796055722601, 1796055722601, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('3657fd84-f21c-4f11-9e0d-510a563c4cdd', 'legacy-order', 1, 'legacy-order/running-at-reserve/4', 'legacy-order/running-at-reserve/4', 'RUNNING', '{"label":"running-at-reserve","plan":{"reserve":"block"},"trail":[]}', 0, 0, 0, '', 0, NULL, 1796055722628, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 1, '3d9f88c78767ce15:89', 1, 1796055722628, 1796055722628, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('9b5e38fd-e5ee-4058-8d22-a98363c4d269', 'legacy-order', 1, 'legacy-order/running-at-charge/3', 'legacy-order/running-at-charge/3', 'RUNNING', '{"label":"running-at-charge","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0', 0, NULL, 1796055722962, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 2, '3d9f88c78767ce15:123', 2, 1796055722739, 1796055722962, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('f0953f80-5816-44bd-a2fe-c52f69d1811f', 'legacy-order', 1, 'legacy-order/running-at-pivot/3', 'legacy-order/running-at-pivot/3', 'RUNNING', '{"label":"running-at-pivot","plan":{"ship":"block"},"trail":["reserve","charge"]}', 2, 0, 0, '0,1', 0, NULL, 1796055723131, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:166', 3, 1796055723031, 1796055723131, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ad345caf-700f-4243-9691-768c223b324f', 'legacy-order', 1, 'legacy-order/running-at-notify/3', 'legacy-order/running-at-notify/3', 'RUNNING', '{"label":"running-at-notify","plan":{"notify":"block"},"trail":["reserve","charge","ship"]}', 3, 0, 0, '0,1', 0, NULL, 1796055723184, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:186', 4, 1796055723085, 1796055723184, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4d632269-6d48-4664-a6fc-52f9d058f6e3', 'legacy-order', 1, 'legacy-order/running-at-pivot/2', 'legacy-order/running-at-pivot/2', 'RUNNING', '{"label":"running-at-pivot","plan":{"ship":"block"},"trail":["reserve","charge"]}', 2, 0, 0, '0,1', 0, NULL, 1796055723130, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:165', 3, 1796055723002, 1796055723130, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('d6897009-c4bc-46f9-b670-69e03aabac13', 'legacy-order', 1, 'legacy-order/running-at-pivot/4', 'legacy-order/running-at-pivot/4', 'RUNNING', '{"label":"running-at-pivot","plan":{"ship":"block"},"trail":["reserve","charge"]}', 2, 0, 0, '0,1', 0, NULL, 1796055723131, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:167', 3, 1796055723048, 1796055723131, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('e69a4679-cfd0-44e2-94d5-50c2b7eebbb6', 'legacy-order', 1, 'legacy-order/running-at-charge-attempt-2/3', 'legacy-order/running-at-charge-attempt-2/3', 'RUNNING', '{"label":"running-at-charge-attempt-2","plan":{"charge":"fail-then-block"},"trail":["reserve"]}', 1, 1, 0, '0', 0, NULL, 1796055723119, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 5, '3d9f88c78767ce15:157', 5, 1796055722789, 1796055723119, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('54bdc4a7-5b63-400f-8d0c-a2a54405f600', 'legacy-order', 1, 'legacy-order/running-at-notify/2', 'legacy-order/running-at-notify/2', 'RUNNING', '{"label":"running-at-notify","plan":{"notify":"block"},"trail":["reserve","charge","ship"]}', 3, 0, 0, '0,1', 0, NULL, 1796055723184, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:187', 4, 1796055723077, 1796055723184, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('e79a52f4-c387-40ed-9166-2edb978e914b', 'legacy-order', 1, 'legacy-order/running-at-charge/4', 'legacy-order/running-at-charge/4', 'RUNNING', '{"label":"running-at-charge","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0', 0, NULL, 1796055722953, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 2, '3d9f88c78767ce15:117', 2, 1796055722743, 1796055722953, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('30d99366-0785-4167-9b8e-094de0c3f5ac', 'legacy-order', 1, 'legacy-order/running-at-notify/4', 'legacy-order/running-at-notify/4', 'RUNNING', '{"label":"running-at-notify","plan":{"notify":"block"},"trail":["reserve","charge","ship"]}', 3, 0, 0, '0,1', 0, NULL, 1796055723206, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:192', 4, 1796055723105, 1796055723206, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('60bae985-0bad-4c57-bd83-95b7bfeec83f', 'legacy-order', 1, 'legacy-order/retrying-notify-flagged/2', 'legacy-order/retrying-notify-flagged/2', 'WAITING', '{"label":"retrying-notify-flagged","plan":{"notify":"fail"},"trail":["reserve","charge","ship"]}', 3, 10, 0, '0,1', 0, NULL, 1796055738402, NULL, NULL, NULL, 32, '3d9f88c78767ce15:717', 34, 1796055723141, 1796055736403, NULL, 'RETRYING');
INSERT INTO public.saga_instance VALUES ('061ad4f2-f42e-4486-9309-a13e5d37091c', 'legacy-order', 1, 'legacy-order/retrying-notify-flagged/1', 'legacy-order/retrying-notify-flagged/1', 'WAITING', '{"label":"retrying-notify-flagged","plan":{"notify":"fail"},"trail":["reserve","charge","ship"]}', 3, 10, 0, '0,1', 0, NULL, 1796055738434, NULL, NULL, NULL, 32, '3d9f88c78767ce15:721', 34, 1796055723133, 1796055736434, NULL, 'RETRYING');
INSERT INTO public.saga_instance VALUES ('8858f62d-760e-4435-ac29-dc0c357f6b9b', 'legacy-order', 1, 'legacy-order/retrying-notify-flagged/5', 'legacy-order/retrying-notify-flagged/5', 'WAITING', '{"label":"retrying-notify-flagged","plan":{"notify":"fail"},"trail":["reserve","charge","ship"]}', 3, 10, 0, '0,1', 0, NULL, 1796055738442, NULL, NULL, NULL, 32, '3d9f88c78767ce15:723', 34, 1796055723171, 1796055736442, NULL, 'RETRYING');
INSERT INTO public.saga_instance VALUES ('d69e734e-58c2-4203-99af-a9468c7a9776', 'legacy-order', 1, 'legacy-order/failed-at-pivot/2', 'legacy-order/failed-at-pivot/2', 'FAILED', '{"label":"failed-at-pivot","plan":{"ship":"fail"},"trail":["reserve","charge"]}', 2, 0, 0, '', 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails', NULL, NULL, NULL, NULL, 12, '3d9f88c78767ce15:181', 14, 1796055722428, 1796055723181, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('e9d9a390-1bf8-40f9-8812-aa9e01b6b1fe', 'legacy-order', 1, 'legacy-order/failed-at-pivot/3', 'legacy-order/failed-at-pivot/3', 'FAILED', '{"label":"failed-at-pivot","plan":{"ship":"fail"},"trail":["reserve","charge"]}', 2, 0, 0, '', 0, 'step ''ship'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: ship attempt 3 fails', NULL, NULL, NULL, NULL, 12, '3d9f88c78767ce15:183', 14, 1796055722461, 1796055723181, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4f812cde-5d8a-4490-9e88-2a3dc412c90e', 'legacy-stall', 1, 'legacy-stall/failed/1', 'legacy-stall/failed/1', 'FAILED', '{"label":"failed","plan":{"verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:255', 8, 1796055723432, 1796055723543, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('72d48859-71fa-442b-a0b1-6174e7aa4272', 'legacy-stall', 1, 'legacy-stall/failed/3', 'legacy-stall/failed/3', 'FAILED', '{"label":"failed","plan":{"verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:270', 8, 1796055723476, 1796055723580, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('d294e3ba-fca0-4316-8dcd-82b2291437f7', 'legacy-stall', 1, 'legacy-stall/failed/4', 'legacy-stall/failed/4', 'FAILED', '{"label":"failed","plan":{"verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:279', 8, 1796055723505, 1796055723593, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('feec0c9c-565d-448a-b537-c8030c754420', 'legacy-order', 1, 'legacy-order/cancelled-while-running/2', 'legacy-order/cancelled-while-running/2', 'COMPENSATING', '{"label":"cancelled-while-running","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0,1', 1, 'cancelled by an operator', 1796055724454, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:503', 4, 1796055723373, 1796055724454, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('056201e2-3268-4cb9-b716-ff757cdec4c0', 'legacy-order', 1, 'legacy-order/cancelled-while-running/1', 'legacy-order/cancelled-while-running/1', 'COMPENSATING', '{"label":"cancelled-while-running","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0,1', 1, 'cancelled by an operator', 1796055724433, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:502', 4, 1796055723341, 1796055724433, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('dda2f370-387b-4248-a053-42976d02446d', 'legacy-order', 1, 'legacy-order/retrying-notify-flagged/4', 'legacy-order/retrying-notify-flagged/4', 'WAITING', '{"label":"retrying-notify-flagged","plan":{"notify":"fail"},"trail":["reserve","charge","ship"]}', 3, 10, 0, '0,1', 0, NULL, 1796055738452, NULL, NULL, NULL, 32, '3d9f88c78767ce15:725', 34, 1796055723161, 1796055736453, NULL, 'RETRYING');
INSERT INTO public.saga_instance VALUES ('cdcde4b8-1cc3-465f-9d94-6f97cef42588', 'legacy-stall', 1, 'legacy-stall/failed/2', 'legacy-stall/failed/2', 'FAILED', '{"label":"failed","plan":{"verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:263', 8, 1796055723452, 1796055723561, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('a25d6314-afd7-4417-9afc-5de4740036fa', 'legacy-stall', 1, 'legacy-stall/failed/5', 'legacy-stall/failed/5', 'FAILED', '{"label":"failed","plan":{"verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:285', 8, 1796055723543, 1796055723626, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('6522958d-d431-4fee-b71b-65218278fc51', 'legacy-stall', 1, 'legacy-stall/compensating-mid-call/1', 'legacy-stall/compensating-mid-call/1', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:hold-b":"block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055723851, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:344', 5, 1796055723793, 1796055723853, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('6e5465b5-55d8-4628-a9d5-3cd1c0e6232f', 'legacy-stall', 1, 'legacy-stall/compensating-mid-call/2', 'legacy-stall/compensating-mid-call/2', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:hold-b":"block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055723860, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:346', 5, 1796055723822, 1796055723860, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('cce0be89-0e80-4b85-9ad7-16c050356cba', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-b/1', 'legacy-stall/stalled-at-hold-b/1', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-b","plan":{"undo:hold-b":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737804, NULL, NULL, NULL, 21, '3d9f88c78767ce15:706', 15, 1796055723562, 1796055735807, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('d82a00d1-48aa-4e5d-ac09-67d1f711598e', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-b/2', 'legacy-stall/stalled-at-hold-b/2', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-b","plan":{"undo:hold-b":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737810, NULL, NULL, NULL, 21, '3d9f88c78767ce15:707', 15, 1796055723576, 1796055735811, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('75b73592-6044-487b-81de-dab2a7dc0eab', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-b/4', 'legacy-stall/stalled-at-hold-b/4', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-b","plan":{"undo:hold-b":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737815, NULL, NULL, NULL, 21, '3d9f88c78767ce15:709', 15, 1796055723592, 1796055735815, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('f70f15be-3509-4f30-b4a7-aeb9ff7a79fe', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-b/5', 'legacy-stall/stalled-at-hold-b/5', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-b","plan":{"undo:hold-b":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737866, NULL, NULL, NULL, 21, '3d9f88c78767ce15:710', 15, 1796055723639, 1796055735866, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('9fe88a35-b789-4161-9b7e-c77708bae811', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-a/1', 'legacy-stall/stalled-at-hold-a/1', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-a","plan":{"undo:hold-a":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737914, NULL, NULL, NULL, 22, '3d9f88c78767ce15:711', 16, 1796055723661, 1796055735914, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('21b34880-6797-4722-98d6-0bde9dbf42f5', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-a/4', 'legacy-stall/stalled-at-hold-a/4', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-a","plan":{"undo:hold-a":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055738000, NULL, NULL, NULL, 22, '3d9f88c78767ce15:714', 16, 1796055723753, 1796055736000, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('4b33dacb-0fdb-469e-af0c-b7f295b18699', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-a/5', 'legacy-stall/stalled-at-hold-a/5', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-a","plan":{"undo:hold-a":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055738024, NULL, NULL, NULL, 22, '3d9f88c78767ce15:715', 16, 1796055723779, 1796055736025, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('b9bd34b8-2761-4326-bf87-1336a7b4271f', 'legacy-order', 1, 'legacy-order/retrying-notify-flagged/3', 'legacy-order/retrying-notify-flagged/3', 'WAITING', '{"label":"retrying-notify-flagged","plan":{"notify":"fail"},"trail":["reserve","charge","ship"]}', 3, 10, 0, '0,1', 0, NULL, 1796055738410, NULL, NULL, NULL, 32, '3d9f88c78767ce15:719', 34, 1796055723152, 1796055736410, NULL, 'RETRYING');
INSERT INTO public.saga_instance VALUES ('aaf56531-fd10-43e3-84cd-c0500f4461f3', 'legacy-deadline', 1, 'legacy-deadline/completed/1', 'legacy-deadline/completed/1', 'COMPLETED', '{"label":"completed","plan":{},"trail":["quote","lock","commit","report"]}', 4, 0, 0, '0,1', 0, NULL, NULL, 1796055726918, NULL, NULL, 5, '3d9f88c78767ce15:405', 6, 1796055723918, 1796055724029, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('a76dd442-a243-493b-8663-c01bead86a1e', 'legacy-deadline', 1, 'legacy-deadline/completed/2', 'legacy-deadline/completed/2', 'COMPLETED', '{"label":"completed","plan":{},"trail":["quote","lock","commit","report"]}', 4, 0, 0, '0,1', 0, NULL, NULL, 1796055726940, NULL, NULL, 5, '3d9f88c78767ce15:406', 6, 1796055723940, 1796055724043, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('959fb2e8-46ca-4d78-9b5f-0443a18e9b1d', 'legacy-deadline', 1, 'legacy-deadline/completed/3', 'legacy-deadline/completed/3', 'COMPLETED', '{"label":"completed","plan":{},"trail":["quote","lock","commit","report"]}', 4, 0, 0, '0,1', 0, NULL, NULL, 1796055726961, NULL, NULL, 5, '3d9f88c78767ce15:411', 6, 1796055723961, 1796055724058, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4d1272f5-0c19-4b57-ad98-55cfd44ba1cb', 'legacy-deadline', 1, 'legacy-deadline/completed/4', 'legacy-deadline/completed/4', 'COMPLETED', '{"label":"completed","plan":{},"trail":["quote","lock","commit","report"]}', 4, 0, 0, '0,1', 0, NULL, NULL, 1796055726980, NULL, NULL, 5, '3d9f88c78767ce15:416', 6, 1796055723980, 1796055724083, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('5adc5f0e-f8e3-4c7c-8552-2c818d921d1b', 'legacy-deadline', 1, 'legacy-deadline/completed/5', 'legacy-deadline/completed/5', 'COMPLETED', '{"label":"completed","plan":{},"trail":["quote","lock","commit","report"]}', 4, 0, 0, '0,1', 0, NULL, NULL, 1796055727017, NULL, NULL, 5, '3d9f88c78767ce15:424', 6, 1796055724017, 1796055724105, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('46565427-6aa9-4bac-b649-81778fe6fd73', 'legacy-deadline', 1, 'legacy-deadline/failed-past-deadline/1', 'legacy-deadline/failed-past-deadline/1', 'FAILED', '{"label":"failed-past-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727044, NULL, NULL, 10, '3d9f88c78767ce15:558', 13, 1796055724044, 1796055726112, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('856c597f-7a0f-4a0d-abbe-6f9aecf7430a', 'legacy-deadline', 1, 'legacy-deadline/failed-past-deadline/2', 'legacy-deadline/failed-past-deadline/2', 'FAILED', '{"label":"failed-past-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727059, NULL, NULL, 10, '3d9f88c78767ce15:561', 13, 1796055724059, 1796055726129, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('68b59304-f5ff-49ee-b6ab-83119ef29442', 'legacy-deadline', 1, 'legacy-deadline/failed-past-deadline/3', 'legacy-deadline/failed-past-deadline/3', 'FAILED', '{"label":"failed-past-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727084, NULL, NULL, 10, '3d9f88c78767ce15:564', 13, 1796055724084, 1796055726152, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('9355a758-881a-465b-9ce5-8b14000d063d', 'legacy-stall', 1, 'legacy-stall/compensating-mid-call/3', 'legacy-stall/compensating-mid-call/3', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:hold-b":"block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055723871, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:350', 5, 1796055723835, 1796055723872, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('150f7866-782b-462a-9842-4d4dae332618', 'legacy-stall', 1, 'legacy-stall/compensating-attempt-2/3', 'legacy-stall/compensating-attempt-2/3', 'COMPENSATING', '{"label":"compensating-attempt-2","plan":{"undo:hold-a":"fail-then-block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 1, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055724265, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 7, '3d9f88c78767ce15:389', 7, 1796055723893, 1796055723965, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('cc01e50a-9089-4375-83fd-bf863422d498', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-a/3', 'legacy-stall/stalled-at-hold-a/3', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-a","plan":{"undo:hold-a":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737974, NULL, NULL, NULL, 22, '3d9f88c78767ce15:713', 16, 1796055723711, 1796055735974, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('bdc01187-4886-4041-8b0d-e6b5e34b9673', 'legacy-retry', 1, 'legacy-retry/completed/1', 'legacy-retry/completed/1', 'COMPLETED', '{"label":"completed","plan":{},"trail":["prepare","book","confirm"]}', 3, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 4, '3d9f88c78767ce15:465', 5, 1796055724217, 1796055724238, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('71196233-9173-41bf-b8d1-5fbf0dbc785b', 'legacy-retry', 1, 'legacy-retry/completed/2', 'legacy-retry/completed/2', 'COMPLETED', '{"label":"completed","plan":{},"trail":["prepare","book","confirm"]}', 3, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 4, '3d9f88c78767ce15:468', 5, 1796055724226, 1796055724245, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('abb33408-9de8-46d9-aae3-0bb5ec1ef436', 'legacy-retry', 1, 'legacy-retry/completed/3', 'legacy-retry/completed/3', 'COMPLETED', '{"label":"completed","plan":{},"trail":["prepare","book","confirm"]}', 3, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 4, '3d9f88c78767ce15:472', 5, 1796055724232, 1796055724260, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('76a9b3d1-97a3-43dc-bd0b-7d558151e08f', 'legacy-retry', 1, 'legacy-retry/completed/4', 'legacy-retry/completed/4', 'COMPLETED', '{"label":"completed","plan":{},"trail":["prepare","book","confirm"]}', 3, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 4, '3d9f88c78767ce15:477', 5, 1796055724242, 1796055724276, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('72fe3214-ad5f-4371-88d1-0a52e803ac4f', 'legacy-retry', 1, 'legacy-retry/completed/5', 'legacy-retry/completed/5', 'COMPLETED', '{"label":"completed","plan":{},"trail":["prepare","book","confirm"]}', 3, 0, 0, '0,1', 0, NULL, NULL, NULL, NULL, NULL, 4, '3d9f88c78767ce15:481', 5, 1796055724251, 1796055724283, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('e5de8580-cc8d-447f-8b8d-41cf368d67e0', 'legacy-retry', 1, 'legacy-retry/cancelled-while-waiting/2', 'legacy-retry/cancelled-while-waiting/2', 'CANCELLED', '{"label":"cancelled-while-waiting","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 1, 'cancelled by an operator', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:509', 8, 1796055724311, 1796055724485, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('f9ddddc4-2855-4a91-a4e4-1d8a224c3d44', 'legacy-deadline', 1, 'legacy-deadline/failed-past-deadline/5', 'legacy-deadline/failed-past-deadline/5', 'FAILED', '{"label":"failed-past-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727117, NULL, NULL, 10, '3d9f88c78767ce15:570', 13, 1796055724117, 1796055726199, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('26d09c95-5b9a-469a-a2dd-0a6df96739f8', 'legacy-deadline', 1, 'legacy-deadline/failed-call-cut-by-deadline/2', 'legacy-deadline/failed-call-cut-by-deadline/2', 'FAILED', '{"label":"failed-call-cut-by-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727154, NULL, NULL, 5, '3d9f88c78767ce15:588', 8, 1796055724154, 1796055727196, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('eb92f1c0-d9c3-4465-b638-1fb4655061bd', 'legacy-deadline', 1, 'legacy-deadline/failed-call-cut-by-deadline/3', 'legacy-deadline/failed-call-cut-by-deadline/3', 'FAILED', '{"label":"failed-call-cut-by-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727175, NULL, NULL, 5, '3d9f88c78767ce15:589', 8, 1796055724175, 1796055727196, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('54040205-fbb8-412c-b977-52504cc9b0cb', 'legacy-deadline', 1, 'legacy-deadline/running-at-report/3', 'legacy-deadline/running-at-report/3', 'RUNNING', '{"label":"running-at-report","plan":{"report":"block"},"trail":["quote","lock","commit"]}', 3, 0, 0, '0,1', 0, NULL, 1796055724223, 1796055727200, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:456', 4, 1796055724200, 1796055724223, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('3d5d2634-ad99-4ab5-9ae9-00942ee828d9', 'legacy-deadline', 1, 'legacy-deadline/running-at-report/1', 'legacy-deadline/running-at-report/1', 'RUNNING', '{"label":"running-at-report","plan":{"report":"block"},"trail":["quote","lock","commit"]}', 3, 0, 0, '0,1', 0, NULL, 1796055724200, 1796055727189, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:446', 4, 1796055724189, 1796055724200, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('095b4f3c-88d0-4f9c-81df-caf8c71c1c43', 'legacy-deadline', 1, 'legacy-deadline/running-at-report/4', 'legacy-deadline/running-at-report/4', 'RUNNING', '{"label":"running-at-report","plan":{"report":"block"},"trail":["quote","lock","commit"]}', 3, 0, 0, '0,1', 0, NULL, 1796055724230, 1796055727211, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:460', 4, 1796055724211, 1796055724230, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('138775aa-5764-48e0-81c0-8192b8ac62ad', 'legacy-deadline', 1, 'legacy-deadline/running-at-report/2', 'legacy-deadline/running-at-report/2', 'RUNNING', '{"label":"running-at-report","plan":{"report":"block"},"trail":["quote","lock","commit"]}', 3, 0, 0, '0,1', 0, NULL, 1796055724213, 1796055727192, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:452', 4, 1796055724192, 1796055724213, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4e887761-4c27-431d-86c0-a76ca06812a3', 'legacy-retry', 1, 'legacy-retry/failed-after-retries/1', 'legacy-retry/failed-after-retries/1', 'FAILED', '{"label":"failed-after-retries","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails', NULL, NULL, NULL, NULL, 13, '3d9f88c78767ce15:667', 15, 1796055724266, 1796055733356, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('8617bcee-9072-49ba-85ef-f51370d75839', 'legacy-retry', 1, 'legacy-retry/failed-after-retries/2', 'legacy-retry/failed-after-retries/2', 'FAILED', '{"label":"failed-after-retries","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails', NULL, NULL, NULL, NULL, 13, '3d9f88c78767ce15:668', 15, 1796055724275, 1796055733356, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('412d651f-f9f2-4d68-9e72-ee802df73b53', 'legacy-retry', 1, 'legacy-retry/failed-after-retries/3', 'legacy-retry/failed-after-retries/3', 'FAILED', '{"label":"failed-after-retries","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 0, 'step ''book'' failed after 4 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: book attempt 4 fails', NULL, NULL, NULL, NULL, 13, '3d9f88c78767ce15:670', 15, 1796055724287, 1796055733380, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('cc6d3bcc-ccd0-4708-8afc-1324867f07b6', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-a/2', 'legacy-stall/stalled-at-hold-a/2', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-a","plan":{"undo:hold-a":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737941, NULL, NULL, NULL, 22, '3d9f88c78767ce15:712', 16, 1796055723684, 1796055735941, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('5335dfae-40b8-455f-b085-4cdf474113d9', 'legacy-retry', 1, 'legacy-retry/cancelled-while-waiting/1', 'legacy-retry/cancelled-while-waiting/1', 'CANCELLED', '{"label":"cancelled-while-waiting","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 1, 'cancelled by an operator', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:508', 8, 1796055724300, 1796055724474, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('43448bb8-ea15-4f8c-be50-ca9d30926e55', 'legacy-retry', 1, 'legacy-retry/cancelled-while-waiting/3', 'legacy-retry/cancelled-while-waiting/3', 'CANCELLED', '{"label":"cancelled-while-waiting","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 1, 'cancelled by an operator', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:512', 8, 1796055724319, 1796055724505, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('2677e494-f43e-49bd-87d9-fa57c346dc59', 'legacy-retry', 1, 'legacy-retry/cancelled-while-waiting/4', 'legacy-retry/cancelled-while-waiting/4', 'CANCELLED', '{"label":"cancelled-while-waiting","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 1, 'cancelled by an operator', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:514', 8, 1796055724328, 1796055724514, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('4bf702d8-deb3-44ee-ba59-e81b44633f2c', 'legacy-retry', 1, 'legacy-retry/cancelled-while-waiting/5', 'legacy-retry/cancelled-while-waiting/5', 'CANCELLED', '{"label":"cancelled-while-waiting","plan":{"book":"fail"},"trail":["prepare"]}', 1, 0, 0, '', 1, 'cancelled by an operator', NULL, NULL, NULL, NULL, 6, '3d9f88c78767ce15:515', 8, 1796055724339, 1796055724544, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('03bc0301-7190-463d-b60a-5b7821f93c3c', 'legacy-deadline', 1, 'legacy-deadline/failed-past-deadline/4', 'legacy-deadline/failed-past-deadline/4', 'FAILED', '{"label":"failed-past-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727100, NULL, NULL, 10, '3d9f88c78767ce15:569', 13, 1796055724100, 1796055726192, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('a2c3a20a-03d9-493d-a198-4b9ccfb47ada', 'legacy-deadline', 1, 'legacy-deadline/failed-call-cut-by-deadline/1', 'legacy-deadline/failed-call-cut-by-deadline/1', 'FAILED', '{"label":"failed-call-cut-by-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '', 0, 'deadline exceeded at step ''lock''', NULL, 1796055727127, NULL, NULL, 5, '3d9f88c78767ce15:585', 8, 1796055724127, 1796055727179, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ffb890d8-6ab2-415b-b710-79ba601349e2', 'legacy-order', 1, 'legacy-order/running-at-notify/1', 'legacy-order/running-at-notify/1', 'RUNNING', '{"label":"running-at-notify","plan":{"notify":"block"},"trail":["reserve","charge","ship"]}', 3, 0, 0, '0,1', 0, NULL, 1796055723181, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:184', 4, 1796055723057, 1796055723181, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('99da9f32-af9a-4110-9e91-95bc3e6f0346', 'legacy-order', 1, 'legacy-order/compensating-mid-call/4', 'legacy-order/compensating-mid-call/4', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:reserve":"block","charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '0', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', 1796055723792, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 9, '3d9f88c78767ce15:324', 10, 1796055723300, 1796055723792, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ccb976e3-c771-4792-aa70-0fa12b45265e', 'legacy-order', 1, 'legacy-order/cancelled-while-running/3', 'legacy-order/cancelled-while-running/3', 'COMPENSATING', '{"label":"cancelled-while-running","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0,1', 1, 'cancelled by an operator', 1796055724458, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:504', 4, 1796055723395, 1796055724458, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('32ffeae5-5e1a-4166-b779-b8614f77f483', 'legacy-order', 1, 'legacy-order/compensating-mid-call/3', 'legacy-order/compensating-mid-call/3', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:reserve":"block","charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '0', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', 1796055723728, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 9, '3d9f88c78767ce15:310', 10, 1796055723264, 1796055723728, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('b0f6ce67-76e5-42bf-819e-f27a15830673', 'legacy-stall', 1, 'legacy-stall/compensating-attempt-2/4', 'legacy-stall/compensating-attempt-2/4', 'COMPENSATING', '{"label":"compensating-attempt-2","plan":{"undo:hold-a":"fail-then-block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 1, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055724318, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 7, '3d9f88c78767ce15:400', 7, 1796055723906, 1796055724018, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('110f1853-4098-4053-908a-0658e73cffd3', 'legacy-stall', 1, 'legacy-stall/stalled-at-hold-b/3', 'legacy-stall/stalled-at-hold-b/3', 'COMPENSATION_STALLED', '{"label":"stalled-at-hold-b","plan":{"undo:hold-b":"fail","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 9, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055737814, NULL, NULL, NULL, 21, '3d9f88c78767ce15:708', 15, 1796055723585, 1796055735814, NULL, 'COMPENSATION_STALLED');
INSERT INTO public.saga_instance VALUES ('eb387616-b3a4-4fe6-8ebc-76d930a5899c', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-3/1', 'legacy-retry/waiting-retry-attempt-3/1', 'WAITING', '{"label":"waiting-retry-attempt-3","plan":{"book":"fail"},"trail":["prepare"]}', 1, 2, 0, '0', 0, NULL, 1796055739928, NULL, NULL, NULL, 6, '3d9f88c78767ce15:727', 7, 1796055733910, 1796055736928, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('0474d27a-fa54-466e-ac59-6a55f0ad749b', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-3/3', 'legacy-retry/waiting-retry-attempt-3/3', 'WAITING', '{"label":"waiting-retry-attempt-3","plan":{"book":"fail"},"trail":["prepare"]}', 1, 2, 0, '0', 0, NULL, 1796055739952, NULL, NULL, NULL, 6, '3d9f88c78767ce15:731', 7, 1796055733934, 1796055736952, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('73744390-3c7a-45e8-80c9-88ab4f3729ad', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-3/4', 'legacy-retry/waiting-retry-attempt-3/4', 'WAITING', '{"label":"waiting-retry-attempt-3","plan":{"book":"fail"},"trail":["prepare"]}', 1, 2, 0, '0', 0, NULL, 1796055739971, NULL, NULL, NULL, 6, '3d9f88c78767ce15:733', 7, 1796055733943, 1796055736972, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('df076911-c5a6-49a5-9e54-351650fa6598', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-3/5', 'legacy-retry/waiting-retry-attempt-3/5', 'WAITING', '{"label":"waiting-retry-attempt-3","plan":{"book":"fail"},"trail":["prepare"]}', 1, 2, 0, '0', 0, NULL, 1796055739976, NULL, NULL, NULL, 6, '3d9f88c78767ce15:735', 7, 1796055733945, 1796055736977, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('24d07f8f-f949-4052-9531-93185cabe68b', 'legacy-order', 1, 'legacy-order/running-at-charge-attempt-2/2', 'legacy-order/running-at-charge-attempt-2/2', 'RUNNING', '{"label":"running-at-charge-attempt-2","plan":{"charge":"fail-then-block"},"trail":["reserve"]}', 1, 1, 0, '0', 0, NULL, 1796055723104, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 5, '3d9f88c78767ce15:154', 5, 1796055722781, 1796055723104, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('28e32533-6a0e-42b8-9e48-304e226f9d6b', 'legacy-stall', 1, 'legacy-stall/compensating-attempt-2/2', 'legacy-stall/compensating-attempt-2/2', 'COMPENSATING', '{"label":"compensating-attempt-2","plan":{"undo:hold-a":"fail-then-block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 1, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055724241, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 7, '3d9f88c78767ce15:377', 7, 1796055723876, 1796055723942, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('657eb1d9-956a-4d18-a6c5-54b5e892dff2', 'legacy-order', 1, 'legacy-order/cancelled-while-running/4', 'legacy-order/cancelled-while-running/4', 'COMPENSATING', '{"label":"cancelled-while-running","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0,1', 1, 'cancelled by an operator', 1796055724461, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 3, '3d9f88c78767ce15:505', 4, 1796055723424, 1796055724461, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('3726fba6-6eba-425a-a74d-4a756f6a3729', 'legacy-order', 1, 'legacy-order/compensating-mid-call/2', 'legacy-order/compensating-mid-call/2', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:reserve":"block","charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '0', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', 1796055723653, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 9, '3d9f88c78767ce15:297', 10, 1796055723248, 1796055723653, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('b1f8781b-da1e-4aa6-8327-4050ec669de2', 'legacy-order', 1, 'legacy-order/compensating-mid-call/1', 'legacy-order/compensating-mid-call/1', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:reserve":"block","charge":"fail"},"trail":["reserve"]}', 1, 0, 0, '0', 0, 'step ''charge'' failed after 3 attempts: dev.sagaflow.jdbc.legacy.LegacySagas$PlannedFailure: planned: charge attempt 3 fails', 1796055723639, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 9, '3d9f88c78767ce15:288', 10, 1796055723216, 1796055723639, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('b60921e8-fc4e-4bae-93a6-4cbed920d851', 'legacy-stall', 1, 'legacy-stall/compensating-mid-call/4', 'legacy-stall/compensating-mid-call/4', 'COMPENSATING', '{"label":"compensating-mid-call","plan":{"undo:hold-b":"block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 0, 0, '0,1', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055723888, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 4, '3d9f88c78767ce15:354', 5, 1796055723852, 1796055723888, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('1fb9ed26-4044-4a82-b284-b007f1fa0246', 'legacy-order', 1, 'legacy-order/running-at-charge/5', 'legacy-order/running-at-charge/5', 'RUNNING', '{"label":"running-at-charge","plan":{"charge":"block"},"trail":["reserve"]}', 1, 0, 0, '0', 0, NULL, 1796055722953, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 2, '3d9f88c78767ce15:118', 2, 1796055722759, 1796055722953, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('6ea39ce0-8051-4c25-9cc3-b7a2379021fd', 'legacy-stall', 1, 'legacy-stall/compensating-attempt-2/1', 'legacy-stall/compensating-attempt-2/1', 'COMPENSATING', '{"label":"compensating-attempt-2","plan":{"undo:hold-a":"fail-then-block","verify":"fail"},"trail":["hold-a","hold-b"]}', 2, 1, 0, '0', 0, 'step ''verify'' failed after 1 attempt: dev.sagaflow.NonRetryableStepException: planned: verify fails for good', 1796055724218, NULL, 'legacy-generator#3d9f88c78767ce15', 1796055761697, 7, '3d9f88c78767ce15:367', 7, 1796055723867, 1796055723918, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('bf6aba45-ea4d-4b6f-af54-5f32a04c2b06', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-3/2', 'legacy-retry/waiting-retry-attempt-3/2', 'WAITING', '{"label":"waiting-retry-attempt-3","plan":{"book":"fail"},"trail":["prepare"]}', 1, 2, 0, '0', 0, NULL, 1796055739948, NULL, NULL, NULL, 6, '3d9f88c78767ce15:729', 7, 1796055733915, 1796055736948, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('f47996c3-ad79-49be-b712-96d0d07364b2', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-2/1', 'legacy-retry/waiting-retry-attempt-2/1', 'WAITING', '{"label":"waiting-retry-attempt-2","plan":{"book":"fail"},"trail":["prepare"]}', 1, 1, 0, '0', 0, NULL, 1796055740005, NULL, NULL, NULL, 3, '3d9f88c78767ce15:739', 4, 1796055736994, 1796055737006, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ca82c335-a0ce-4736-ac2f-599bc99fbe74', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-2/2', 'legacy-retry/waiting-retry-attempt-2/2', 'WAITING', '{"label":"waiting-retry-attempt-2","plan":{"book":"fail"},"trail":["prepare"]}', 1, 1, 0, '0', 0, NULL, 1796055740016, NULL, NULL, NULL, 3, '3d9f88c78767ce15:742', 4, 1796055737000, 1796055737016, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('0dbe5190-2aab-4bc9-9b50-2b260fa0224f', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-2/3', 'legacy-retry/waiting-retry-attempt-2/3', 'WAITING', '{"label":"waiting-retry-attempt-2","plan":{"book":"fail"},"trail":["prepare"]}', 1, 1, 0, '0', 0, NULL, 1796055740024, NULL, NULL, NULL, 3, '3d9f88c78767ce15:745', 4, 1796055737011, 1796055737024, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('b9e8f5f1-629b-44c8-9fbe-3405f14225ff', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-2/4', 'legacy-retry/waiting-retry-attempt-2/4', 'WAITING', '{"label":"waiting-retry-attempt-2","plan":{"book":"fail"},"trail":["prepare"]}', 1, 1, 0, '0', 0, NULL, 1796055740034, NULL, NULL, NULL, 3, '3d9f88c78767ce15:748', 4, 1796055737019, 1796055737034, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('5be500e3-d127-4f7e-b469-92ca6154751c', 'legacy-deadline', 1, 'legacy-deadline/running-at-lock-before-deadline/1', 'legacy-deadline/running-at-lock-before-deadline/1', 'RUNNING', '{"label":"running-at-lock-before-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '0', 0, NULL, 1796055737043, 1796055740036, 'legacy-generator#3d9f88c78767ce15', 1796055767044, 2, '3d9f88c78767ce15:753', 2, 1796055737036, 1796055737044, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ebb3ce2a-2027-42c5-b4f2-a7614f833926', 'legacy-retry', 1, 'legacy-retry/waiting-retry-attempt-2/5', 'legacy-retry/waiting-retry-attempt-2/5', 'WAITING', '{"label":"waiting-retry-attempt-2","plan":{"book":"fail"},"trail":["prepare"]}', 1, 1, 0, '0', 0, NULL, 1796055740042, NULL, NULL, NULL, 3, '3d9f88c78767ce15:752', 4, 1796055737029, 1796055737042, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('70c7a3c9-9dc8-42ce-97ab-885f9de07749', 'legacy-deadline', 1, 'legacy-deadline/running-at-lock-before-deadline/2', 'legacy-deadline/running-at-lock-before-deadline/2', 'RUNNING', '{"label":"running-at-lock-before-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '0', 0, NULL, 1796055737046, 1796055740042, 'legacy-generator#3d9f88c78767ce15', 1796055767046, 2, '3d9f88c78767ce15:755', 2, 1796055737042, 1796055737046, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('de7bd4f0-29f0-47f1-ad2b-654a7b328358', 'legacy-deadline', 1, 'legacy-deadline/running-at-lock-before-deadline/3', 'legacy-deadline/running-at-lock-before-deadline/3', 'RUNNING', '{"label":"running-at-lock-before-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '0', 0, NULL, 1796055737050, 1796055740045, 'legacy-generator#3d9f88c78767ce15', 1796055767050, 2, '3d9f88c78767ce15:756', 2, 1796055737045, 1796055737050, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('ce879771-7e68-4206-b54e-85d3fee7df1a', 'legacy-deadline', 1, 'legacy-deadline/running-at-lock-before-deadline/4', 'legacy-deadline/running-at-lock-before-deadline/4', 'RUNNING', '{"label":"running-at-lock-before-deadline","plan":{"lock":"block"},"trail":["quote"]}', 1, 0, 0, '0', 0, NULL, 1796055737053, 1796055740050, 'legacy-generator#3d9f88c78767ce15', 1796055767053, 2, '3d9f88c78767ce15:759', 2, 1796055737050, 1796055737053, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('36409c11-52a5-4383-abce-a8ef0dceca1f', 'legacy-deadline', 1, 'legacy-deadline/waiting-retry-before-deadline/1', 'legacy-deadline/waiting-retry-before-deadline/1', 'WAITING', '{"label":"waiting-retry-before-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 1, 0, '0', 0, NULL, 1796055738057, 1796055740053, NULL, NULL, 3, '3d9f88c78767ce15:762', 4, 1796055737053, 1796055737057, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('d4e112fc-410c-480f-8ce3-4378cec6a53b', 'legacy-deadline', 1, 'legacy-deadline/waiting-retry-before-deadline/2', 'legacy-deadline/waiting-retry-before-deadline/2', 'WAITING', '{"label":"waiting-retry-before-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 1, 0, '0', 0, NULL, 1796055738060, 1796055740055, NULL, NULL, 3, '3d9f88c78767ce15:764', 4, 1796055737055, 1796055737061, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('f5763792-7d20-40db-a63e-1f4ef22b99b4', 'legacy-deadline', 1, 'legacy-deadline/waiting-retry-before-deadline/3', 'legacy-deadline/waiting-retry-before-deadline/3', 'WAITING', '{"label":"waiting-retry-before-deadline","plan":{"lock":"fail"},"trail":["quote"]}', 1, 1, 0, '0', 0, NULL, 1796055738066, 1796055740063, NULL, NULL, 3, '3d9f88c78767ce15:768', 4, 1796055737063, 1796055737066, NULL, NULL);
INSERT INTO public.saga_instance VALUES ('0dd338b2-b369-4bb1-bbd4-3b2847204fcc', 'legacy-remote', 1, 'legacy-remote/waiting-for-reply/1', 'legacy-remote/waiting-for-reply/1', 'WAITING', '{"label":"waiting-for-reply","plan":{},"trail":["hold"]}', 1, 0, 0, '0', 0, NULL, 1796055745070, NULL, NULL, NULL, 3, '3d9f88c78767ce15:773', 3, 1796055737065, 1796055737084, 'e51b9bd4-df70-426c-a334-7dbc4c45b255', NULL);
INSERT INTO public.saga_instance VALUES ('3faf0b1f-aa51-4441-8da6-c0615ecb215d', 'legacy-remote', 1, 'legacy-remote/waiting-for-reply/2', 'legacy-remote/waiting-for-reply/2', 'WAITING', '{"label":"waiting-for-reply","plan":{},"trail":["hold"]}', 1, 0, 0, '0', 0, NULL, 1796055745109, NULL, NULL, NULL, 3, '3d9f88c78767ce15:775', 3, 1796055737067, 1796055737112, '4208da53-9a24-4f2e-9f9e-a501114125b1', NULL);
INSERT INTO public.saga_instance VALUES ('b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb', 'legacy-remote', 1, 'legacy-remote/waiting-for-reply/3', 'legacy-remote/waiting-for-reply/3', 'WAITING', '{"label":"waiting-for-reply","plan":{},"trail":["hold"]}', 1, 0, 0, '0', 0, NULL, 1796055745110, NULL, NULL, NULL, 3, '3d9f88c78767ce15:776', 3, 1796055737071, 1796055737113, '7f871f7e-01a4-442f-a3a5-6e045e3721a5', NULL);


--
-- Data for Name: saga_outbox; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.saga_outbox VALUES ('e51b9bd4-df70-426c-a334-7dbc4c45b255', 'legacy.payments', 'LegacyCharge', '0dd338b2-b369-4bb1-bbd4-3b2847204fcc', 'legacy-remote/waiting-for-reply/1', '{"traceparent":"00-0dd338b2b3694bb1bbd43b2847204fcc-7b341e41742401e1-01","sagaflow-reply-to":"sagaflow.replies","sagaflow-idempotency-key":"0dd338b2-b369-4bb1-bbd4-3b2847204fcc/charge-remote"}', '{"label":"waiting-for-reply"}', 1796055737088, 'legacy-generator#3d9f88c78767ce15', 1796055767113);
INSERT INTO public.saga_outbox VALUES ('4208da53-9a24-4f2e-9f9e-a501114125b1', 'legacy.payments', 'LegacyCharge', '3faf0b1f-aa51-4441-8da6-c0615ecb215d', 'legacy-remote/waiting-for-reply/2', '{"traceparent":"00-3faf0b1faa5144418da6c0615ecb215d-0a20d29193159cef-01","sagaflow-reply-to":"sagaflow.replies","sagaflow-idempotency-key":"3faf0b1f-aa51-4441-8da6-c0615ecb215d/charge-remote"}', '{"label":"waiting-for-reply"}', 1796055737118, NULL, NULL);
INSERT INTO public.saga_outbox VALUES ('7f871f7e-01a4-442f-a3a5-6e045e3721a5', 'legacy.payments', 'LegacyCharge', 'b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb', 'legacy-remote/waiting-for-reply/3', '{"traceparent":"00-b8a0f4a8c9e34dab9e4476666d4a03eb-92a06d0208f1921d-01","sagaflow-reply-to":"sagaflow.replies","sagaflow-idempotency-key":"b8a0f4a8-c9e3-4dab-9e44-76666d4a03eb/charge-remote"}', '{"label":"waiting-for-reply"}', 1796055737118, NULL, NULL);


--
-- Data for Name: sagaflow_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sagaflow_schema_history VALUES (1, '1', 'saga tables', 'SQL', 'V1__saga_tables.sql', 615247115, 'postgres', '2026-11-30 16:22:01.242079', 55, true);
INSERT INTO public.sagaflow_schema_history VALUES (2, '2', 'remote steps and outbox', 'SQL', 'V2__remote_steps_and_outbox.sql', -1851879083, 'postgres', '2026-11-30 16:22:01.39063', 34, true);
INSERT INTO public.sagaflow_schema_history VALUES (3, '3', 'flag', 'SQL', 'V3__flag.sql', -1657074425, 'postgres', '2026-11-30 16:22:01.473038', 15, true);


--
-- Name: saga_history saga_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_history
    ADD CONSTRAINT saga_history_pkey PRIMARY KEY (saga_id, seq);


--
-- Name: saga_instance saga_instance_idempotency; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_instance
    ADD CONSTRAINT saga_instance_idempotency UNIQUE (saga_name, idempotency_key);


--
-- Name: saga_instance saga_instance_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_instance
    ADD CONSTRAINT saga_instance_pkey PRIMARY KEY (id);


--
-- Name: saga_outbox saga_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_outbox
    ADD CONSTRAINT saga_outbox_pkey PRIMARY KEY (id);


--
-- Name: sagaflow_schema_history sagaflow_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sagaflow_schema_history
    ADD CONSTRAINT sagaflow_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: saga_instance_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_instance_due ON public.saga_instance USING btree (wake_at) WHERE (wake_at IS NOT NULL);


--
-- Name: saga_instance_flagged; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_instance_flagged ON public.saga_instance USING btree (flag, created_at) WHERE (flag IS NOT NULL);


--
-- Name: saga_instance_listing; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_instance_listing ON public.saga_instance USING btree (created_at);


--
-- Name: saga_instance_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_instance_owner ON public.saga_instance USING btree (owner) WHERE (owner IS NOT NULL);


--
-- Name: saga_instance_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_instance_state ON public.saga_instance USING btree (state, created_at);


--
-- Name: saga_outbox_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX saga_outbox_created ON public.saga_outbox USING btree (created_at);


--
-- Name: sagaflow_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sagaflow_schema_history_s_idx ON public.sagaflow_schema_history USING btree (success);


--
-- PostgreSQL database dump complete
--

\unrestrict f1ERy5F7ttDpKGsHzFpBjAQacHw8MQ5eDbpDCihEYbD33Fph96rYQdztYBv8s4m

