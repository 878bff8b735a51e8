/* Generated from specs/control.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */
export interface paths {
    "/__control/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Back to the start state
         * @description Reloads the fixtures the simulator started from (the demo data, or the `--seed` file),
         *     resets the clock to the wall clock, restores the start faults and clears the journal.
         *     Takes no body (send `Content-Type: application/json` all the same).
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/seed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load fixtures (replace or merge)
         * @description Loads fixtures of this simulator's provider. `replace` (the default) swaps all data for
         *     the body; `merge` adds the body to what is loaded. A section left out means none (a merge
         *     of `{"coupons": […]}` adds coupons only). The body is checked whole first — its shape
         *     against `ZupyFixtures` / `B2sFixtures`, then what a schema cannot say (unique ids and
         *     codes, references to known companies, customers, rewards and clients, a used coupon has
         *     no uses left …), a merge against the data already loaded — and a refused seed changes
         *     nothing. Problems point into the body sent (`/coupons/2/coupon_code must match pattern …`).
         */
        post: operations["seed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/fixtures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The data loaded now, as fixtures
         * @description Everything loaded now as a fixture document of this simulator's provider: the keys or
         *     tokens to call the provider API with, and the ids of companies, customers or clients,
         *     rewards and coupons. Seeding it back (`replace`) restores this state.
         */
        get: operations["getFixtures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The simulator's clock
         * @description Now, as every rule of the simulator sees it, and whether the clock stands still.
         */
        get: operations["getClock"];
        put?: never;
        /**
         * Set, freeze or advance the clock
         * @description Applied in this order: `reset` (back to the wall clock), `now` (jump there; `frozen`
         *     says whether time then stands still, else it keeps its current mode), `advance`
         *     (seconds, or an ISO 8601 duration of days, hours, minutes and seconds such as `PT3H`,
         *     `P31D`). The clock stays within 1970-01-01 and 9000-01-01. The change is decoded whole
         *     before anything moves: a refused change leaves the clock as it was.
         */
        post: operations["setClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/otp-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the OTP policy of a company, or of all (Zupy)
         * @description Zupy only: whether redeeming and using coupons need an OTP session, for one company
         *     (`company_id`) or for every company. Flags left out keep their value. The B2S simulator
         *     answers 404.
         */
        post: operations["setOtpPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The faults and defects switched on
         * @description Latency, error rate and the defects on, with every defect the simulator knows and what it does.
         */
        get: operations["getFaults"];
        put?: never;
        /**
         * Switch faults and defects
         * @description Fields left out keep their value; `defects` replaces the whole list (`[]` switches every
         *     defect off). Latency is added to every provider API response, the error rate answers that
         *     share of provider API requests with the provider's 503; neither touches the control API.
         *     A defect name the simulator does not know (see `available_defects`) is refused; the earlier names
         *     racy-validate, validate-ignores-customer and reuse-returns-200 are accepted as aliases and read back under the new names.
         */
        post: operations["setFaults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request journal
         * @description The provider API requests answered since the start (or the last reset or clear), oldest
         *     first, at most the last 5000. Control calls are not recorded.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        /**
         * Clear the journal
         * @description Forgets every entry; the sequence numbers go on from where they were.
         */
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every coupon, as the clock sees it
         * @description Every coupon loaded, in one provider-neutral view, with its status at the simulator's
         *     clock (a coupon past its validity shows `expired`). Filtered by status and by a part of
         *     its code.
         */
        get: operations["listCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events (Server-Sent Events)
         * @description A `text/event-stream` that stays open. First `event: ready` with `EventReady` data; then
         *     `event: request` with one `JournalEntry` after each provider API request is answered, and
         *     `event: state` with `EventState` data after anything that may have changed coupons, the
         *     clock, faults or the journal (for API requests at most one every 250 ms). A comment line `: ping` every 15 seconds keeps proxies from closing it.
         *     Same access rule as every control call; the token goes in the `X-Control-Token` header,
         *     never in the URL (read the stream with `fetch()`, not `EventSource`). The data of each
         *     event is described by `x-events`.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/ui/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The web console
         * @description The console page (coupons, requests, clock, faults, data). The page and its assets carry
         *     no data and are served under the Host check only (a browser navigation cannot send a
         *     header); the page asks for the control token when a data call answers 401 or 403. Sent
         *     with `Content-Security-Policy: default-src 'self'; frame-ancestors 'none'` and
         *     `X-Content-Type-Options: nosniff`, and no CORS headers.
         */
        get: operations["getConsole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/ui/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file of the web console
         * @description A script, style sheet or image of the console, from the build's `dist/ui/`. Same headers as the page.
         */
        get: operations["getConsoleAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__control/provider-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set up a Pact provider state
         * @description What a Pact verifier posts before each interaction (`--provider-states-setup-url`). A
         *     `setup` of a named state resets or seeds what the state needs and answers the values the
         *     pact reads with `fromProviderState`; a `teardown`, or a call without a state (verifiers
         *     that post for every interaction), does nothing and answers `{}`. A state refused half-way
         *     changes nothing.
         */
        post: operations["setProviderState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ControlError: {
            /** @description What was wrong, in one line. */
            error: string;
            /** @description A refused seed: every problem found, each with a JSON pointer into the body sent. */
            problems?: string[];
            /** @description An internal error: the id to find it in the simulator's log. */
            request_id?: string;
        };
        ResetResult: {
            /** @constant */
            reset: true;
            clock: components["schemas"]["ClockState"];
        };
        SeedResult: {
            /** @constant */
            seeded: true;
            /** @enum {string} */
            mode: "replace" | "merge";
        };
        ClearResult: {
            /** @constant */
            cleared: true;
        };
        ClockState: {
            /**
             * Format: date-time
             * @description The simulator's now (UTC, milliseconds).
             */
            now: string;
            /** @description Time stands still until advanced. */
            frozen: boolean;
        };
        ClockChange: {
            /** @description Jump to this instant, an ISO 8601 date-time such as `2030-01-01T00:00:00Z`. */
            now?: string;
            /** @description With `now`: stand still there (true) or run on from there (false). Alone: freeze or unfreeze at the current instant. */
            frozen?: boolean;
            /** @description Move forward by seconds (a number ≥ 0) or an ISO 8601 duration of days, hours, minutes and seconds (`PT3H`, `P31D`, `PT90S`). */
            advance?: number | string;
            /** @description Back to the wall clock first. */
            reset?: boolean;
        };
        FaultsView: {
            latency_ms: number;
            error_rate: number;
            /** @description The defects on (names from `available_defects`). */
            defects: string[];
            /** @description Every defect this simulator knows, by name, with what it breaks. */
            available_defects: {
                [key: string]: string;
            };
        };
        FaultsChange: {
            /** @description Added to every provider API response, in milliseconds. */
            latency_ms?: number;
            /** @description Share of provider API requests answered with the provider's 503. */
            error_rate?: number;
            /** @description The defects to have on (replaces the list); names from `GET /__control/faults` `available_defects`. */
            defects?: string[];
        };
        OtpPolicyChange: {
            /** @description One company; every company when left out. */
            company_id?: string;
            require_otp_for_redemption?: boolean;
            require_otp_for_coupon_usage?: boolean;
        };
        OtpPolicies: {
            companies: {
                id: string;
                otp_policy: components["schemas"]["ZupyOtpPolicy"];
            }[];
        };
        /** @description Pact's provider-state call. Other fields a verifier sends are ignored. */
        ProviderStateCall: {
            consumer?: string;
            /** @description The state's name as the pact gives it; empty or missing sets nothing up. */
            state?: string | null;
            /** @description The state's parameters (`{code}` in the name is `params.code`). */
            params?: {
                [key: string]: unknown;
            } | null;
            /** @description `setup` (the default) or `teardown`. */
            action?: string;
        };
        /** @description Values a pact reads with `fromProviderState` (ids, codes, credentials). */
        ProviderStateValues: {
            [key: string]: unknown;
        };
        JournalEntry: {
            /** @description Numbers the requests since the start; a clear does not restart it. */
            seq: number;
            /**
             * Format: date-time
             * @description When it was answered, on the simulator's clock.
             */
            at: string;
            method: string;
            path: string;
            /** @description The parsed query string. */
            query: {
                [key: string]: unknown;
            };
            /** @description The request headers worth asserting on (content-type, user-agent, the credential and OTP-session headers). */
            headers: {
                [key: string]: string;
            };
            status: number;
            /** @description The provider spec's operation, or null for a path of no operation. */
            operationId: string | null;
            durationMs: number;
            /** @description The parsed JSON body, the raw text when it was not JSON, or null for none. Kept in the newest 500 entries and up to 16 KiB; otherwise a string noting that it was not kept. */
            requestBody: unknown;
            /** @description The JSON sent, or null for no body. Kept in the newest 100 entries and up to 16 KiB; otherwise a string noting that it was not kept. */
            responseBody: unknown;
            /** @description The response headers sent. */
            responseHeaders: {
                [key: string]: string;
            };
        };
        JournalPage: {
            count: number;
            requests: components["schemas"]["JournalEntry"][];
        };
        /** @description One coupon of either provider, as the simulator's clock sees it. */
        CouponView: {
            id: string;
            code: string;
            /** @description Zupy `customer_id`; B2S client id. */
            owner: string;
            /** @description Zupy: active | used | expired | cancelled; B2S: available | used | expired. */
            status: string;
            uses_left: number | null;
            uses_allowed: number | null;
            /**
             * Format: date-time
             * @description Zupy: the end of validity.
             */
            valid_until: string | null;
            /**
             * Format: date-time
             * @description B2S: the end of the expiration date.
             */
            expires_at: string | null;
            /** @description B2S: premiado | falae. */
            module: string | null;
            company: string | null;
        };
        CouponsPage: {
            /** Format: date-time */
            now: string;
            count: number;
            coupons: components["schemas"]["CouponView"][];
        };
        /** @description The first event of `GET /__control/events`: which provider, and the journal's last sequence number. */
        EventReady: {
            /** @enum {string} */
            api: "zupy" | "b2s";
            seq: number;
        };
        /** @description Something may have changed coupons, the clock or faults; read them again. */
        EventState: {
            /** @enum {string} */
            reason: "request" | "reset" | "seed" | "clock" | "faults" | "otp-policy" | "provider-state" | "journal";
        };
        /** @description A fixture document of one provider (the simulator's own); the two formats do not overlap. */
        Fixtures: components["schemas"]["ZupyFixtures"] | components["schemas"]["B2sFixtures"];
        /** @description Fixtures of the simulator's provider; sections left out mean none. */
        SeedBody: components["schemas"]["ZupySeed"] | components["schemas"]["B2sSeed"];
        /** @description The Zupy simulator's data: companies, their API keys, customers, rewards and coupons. */
        ZupyFixtures: {
            otp?: components["schemas"]["ZupyOtpSettings"];
            companies: components["schemas"]["ZupyCompany"][];
            api_keys: components["schemas"]["ZupyApiKey"][];
            customers: components["schemas"]["ZupyCustomer"][];
            rewards: components["schemas"]["ZupyReward"][];
            coupons: components["schemas"]["ZupyCoupon"][];
        };
        /** @description `ZupyFixtures` with every section optional (a seed body: a section left out means none). */
        ZupySeed: {
            otp?: components["schemas"]["ZupyOtpSettings"];
            companies?: components["schemas"]["ZupyCompany"][];
            api_keys?: components["schemas"]["ZupyApiKey"][];
            customers?: components["schemas"]["ZupyCustomer"][];
            rewards?: components["schemas"]["ZupyReward"][];
            coupons?: components["schemas"]["ZupyCoupon"][];
        };
        ZupyId: string;
        ZupyKsuid: string;
        ZupyOtpSettings: {
            /** @description Every OTP sent is this code (the demo uses 123456). */
            fixed_code?: string;
        };
        ZupyOtpPolicy: {
            require_otp_for_redemption: boolean;
            require_otp_for_coupon_usage: boolean;
        };
        ZupyCompany: {
            id: components["schemas"]["ZupyId"];
            name: string;
            otp_policy?: components["schemas"]["ZupyOtpPolicy"];
        };
        ZupyApiKey: {
            key: string;
            company_id: components["schemas"]["ZupyId"];
            /** @enum {string} */
            access: "read-write" | "read-only";
            label?: string;
            revoked?: boolean;
        };
        ZupyCustomer: {
            id: components["schemas"]["ZupyId"];
            company_id: components["schemas"]["ZupyId"];
            full_name: string;
            /** @description Phones (+55…), emails or CPFs that identify the customer in the OTP flow. */
            identifiers: string[];
            points_balance: number;
            z_balance: string;
            /** @enum {string|null} */
            tier?: "default" | "bronze" | "silver" | "gold" | "platinum" | "vip" | null;
        };
        ZupyReward: {
            id: components["schemas"]["ZupyKsuid"];
            company_id: components["schemas"]["ZupyId"];
            name: string;
            description?: string;
            points_required: number;
            validity_days: number;
            total_usages_allowed: number;
            /** @enum {string} */
            origin_type: "loyalty_reward" | "marketing";
            /** @enum {string} */
            reward_type?: "other" | "generic" | "welcome" | "return" | "birthday" | "surprise" | "recovery" | "gift";
            is_active?: boolean;
            is_available?: boolean;
            quantity_available?: number | null;
            quantity_redeemed?: number;
            /** Format: date-time */
            start_date?: string | null;
            /** Format: date-time */
            end_date?: string | null;
            /** Format: date-time */
            created_at?: string;
        };
        ZupyCoupon: {
            id: components["schemas"]["ZupyKsuid"];
            customer_id: components["schemas"]["ZupyId"];
            reward_id: components["schemas"]["ZupyKsuid"];
            coupon_code: string;
            /** @enum {string} */
            status: "active" | "used" | "expired" | "cancelled";
            remaining_usages: number;
            total_usages_allowed?: number;
            /** Format: date-time */
            valid_until: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            usage_date?: string | null;
            points_spent?: number;
        };
        /** @description The B2S simulator's data: companies, Bearer tokens with their company scope, clients and coupons. */
        B2sFixtures: {
            companies: components["schemas"]["B2sCompany"][];
            tokens: components["schemas"]["B2sToken"][];
            clients: components["schemas"]["B2sClient"][];
            coupons: components["schemas"]["B2sCoupon"][];
        };
        /** @description `B2sFixtures` with every section optional (a seed body: a section left out means none). */
        B2sSeed: {
            companies?: components["schemas"]["B2sCompany"][];
            tokens?: components["schemas"]["B2sToken"][];
            clients?: components["schemas"]["B2sClient"][];
            coupons?: components["schemas"]["B2sCoupon"][];
        };
        /** Format: date */
        B2sDate: string;
        B2sCompany: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        B2sToken: {
            token: string;
            /** @description The companies the token reaches. */
            company_ids: string[];
            label?: string;
        };
        B2sClient: {
            id: string;
            company_id: string;
            name: string;
            email: string | null;
            phone: string | null;
            cpf: string | null;
        };
        B2sCoupon: {
            /** Format: uuid */
            id: string;
            company_id: string;
            client_id: string;
            code: string;
            /** @description true: used. */
            status: boolean;
            date_of_use: components["schemas"]["B2sDate"] | null;
            expiration_date: components["schemas"]["B2sDate"];
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            module: "premiado" | "falae";
            bonus: {
                id: string;
                name: string;
                /** @enum {string} */
                type: "answer" | "birthday" | "default" | "create" | "fidelityProgram" | "prizeDraw" | "marketing" | "roulette" | "winning_registration_roulette" | "infinity";
            };
        };
    };
    responses: {
        /** @description A control token is set and the call did not send it (or sent another). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description A foreign Host (DNS rebinding), a cross-origin browser request, or a caller off the loopback interface when no token is set. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description Not served by this simulator (the B2S simulator has no OTP policy; an endpoint this version does not have). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /**
         * @description A known path asked with a method it does not have (each path's `x-method-not-allowed`),
         *     CORS preflights included: 405 with `Allow` listing the path's methods, and no CORS headers.
         */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path takes, e.g. `POST` or `GET, HEAD, POST`. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description The body is over the simulator's body limit (64 KiB by default). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description A state-changing call without `Content-Type: application/json` (a cross-site form or text/plain post cannot send one without a preflight). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The console runs only its own scripts and cannot be framed. */
        ConsoleCsp: "default-src 'self'; frame-ancestors 'none'";
        /** @description Browsers take the declared content type. */
        NoSniff: "nosniff";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset done; the clock as it now stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    seed: {
        parameters: {
            query?: {
                /** @description `replace` all data, or `merge` into it. */
                mode?: "replace" | "merge";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedBody"];
            };
        };
        responses: {
            /** @description The fixtures are loaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeedResult"];
                };
            };
            /** @description A bad `mode`, a body that is not JSON, or fixtures with problems (all listed; nothing changed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getFixtures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fixture document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fixtures"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    setClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClockChange"];
            };
        };
        responses: {
            /** @description The clock after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            /** @description A field of the wrong type, an unknown field, a date or duration that does not parse, or a clock outside its range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    setOtpPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OtpPolicyChange"];
            };
        };
        responses: {
            /** @description Every company's policy after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpPolicies"];
                };
            };
            /** @description An unknown company or field, or a flag that is not a boolean. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fault settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultsView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    setFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FaultsChange"];
            };
        };
        responses: {
            /** @description The fault settings after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultsView"];
                };
            };
            /** @description A value out of range, an unknown field or an unknown defect. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description Only this HTTP method (any case). */
                method?: string;
                /** @description Only this exact path, or every path starting with the text before a trailing `*`. */
                path?: string;
                /** @description Only this operation of the provider spec (e.g. `validateCoupon`). */
                operation_id?: string;
                /** @description Only the newest this many matching entries (still oldest first), 1 to 9999; the console asks for 500. (Control queries are not coerced, so the digits are a string pattern.) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching journal entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalPage"];
                };
            };
            /** @description A filter given twice (a query parameter is one string). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                /** @description Only coupons with this status (Zupy: active, used, expired, cancelled; B2S: available, used, expired). */
                status?: string;
                /** @description Only coupons whose code contains this text (any case). */
                code?: string;
                /** @description At most this many coupons in `coupons` (`count` still counts every match), 1 to 999999; the console asks for 500. (Control queries are not coerced, so the digits are a string pattern.) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupons. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponsPage"];
                };
            };
            /** @description A filter given twice (a query parameter is one string). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The console's HTML page. */
            200: {
                headers: {
                    "Content-Security-Policy": components["headers"]["ConsoleCsp"];
                    "X-Content-Type-Options": components["headers"]["NoSniff"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getConsoleAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The file name, e.g. `console.js`. */
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    "Content-Security-Policy": components["headers"]["ConsoleCsp"];
                    "X-Content-Type-Options": components["headers"]["NoSniff"];
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                    "text/css": string;
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    setProviderState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProviderStateCall"];
            };
        };
        responses: {
            /** @description The values the state set up (for `fromProviderState`), or `{}`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderStateValues"];
                };
            };
            /** @description An unknown state, or parameters it cannot take. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
}
