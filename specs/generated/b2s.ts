/* Generated from specs/b2s.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */
export interface paths {
    "/api/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List coupons
         * @description Paginated list (at most 100 per request) for franchise and company integrations, filtered
         *     by creation date (required) and optionally by usage date, expiration date, status and a
         *     search term. `total` counts every matching coupon, independent of paging.
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
    "/api/coupons/clients/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the coupons of one client
         * @description All coupons (used and unused) of the client identified by phone, email or CPF — at least
         *     one is required (`x-at-least-one-of`); several must identify the same client. Phones and
         *     CPFs are compared on digits only (`551199999999`, `+55…`, `(11) 99999-9999`; masked or
         *     plain CPF). A client with no coupons gives `[]`; an unknown client, or a company outside
         *     the token's scope, gives 404 `Client not found` (decision B-10). Ordered by `created_at`
         *     ascending.
         */
        get: operations["listClientCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/coupons/status/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Mark a coupon as used
         * @description No body. Checks, in the documented order (decision B-7): the coupon exists (else 404);
         *     it has not been used (else 400 `Coupon already used`); it is still valid — the end of its
         *     expiration day (UTC) must be **more than** 3 hours away (decision B-5: exactly 3 hours is
         *     refused) — else 400 `Coupon expired`. Then `status` becomes true and `date_of_use` today.
         *     Not idempotent: a second PATCH is a 400.
         */
        patch: operations["markCouponUsed"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Format: date */
        Date: string;
        CouponListResponse: {
            /** @description Echoes the request. */
            limit: number;
            /** @description Echoes the request. */
            offset: number;
            /** @description Every matching coupon */
            total: number;
            coupons: components["schemas"]["CouponListItem"][];
        };
        CouponListItem: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @description true = used. */
            status: boolean;
            /** Format: date */
            date_of_use: string | null;
            expiration_date: components["schemas"]["Date"];
            created_at: components["schemas"]["CreatedAt"];
            bonus: components["schemas"]["Bonus"];
            client: components["schemas"]["Client"];
        };
        /** @description ISO date-time with milliseconds; one documented example is a bare date (decision B-11). */
        CreatedAt: string | components["schemas"]["Date"];
        Bonus: {
            /** @description The docs show placeholders such as "bonus-uuid", so no format is enforced. */
            id: string;
            name: string;
            type: components["schemas"]["BonusType"];
        };
        /** @enum {string} */
        BonusType: "answer" | "birthday" | "default" | "create" | "fidelityProgram" | "prizeDraw" | "marketing" | "roulette" | "winning_registration_roulette" | "infinity";
        Client: {
            /** @description The docs show placeholders such as "client-uuid". */
            id: string;
            name: string;
            email: string | null;
            /** @description Display format, e.g. (11) 99999-9999. */
            phone: string | null;
        };
        ClientCoupon: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @description true = used. */
            status: boolean;
            expiration_date: components["schemas"]["Date"];
            /** Format: date */
            date_of_use: string | null;
            created_at: components["schemas"]["CreatedAt"];
            bonus: {
                name: string;
            };
        };
        ClientCouponList: components["schemas"]["ClientCoupon"][];
        ErrorResponse: {
            /** @constant */
            status: "error";
            message: string;
            /** @description Only on a 500 from the simulator, the id its stderr log names for the failed request. */
            request_id?: string;
        };
    };
    responses: {
        /**
         * @description A known path asked with a method it does not have (each path's `x-method-not-allowed`):
         *     405 with `Allow` listing the path's methods, in the `{"status":"error"}` format.
         */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path takes, e.g. `PATCH` or `GET, HEAD`. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or invalid Bearer token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service is unavailable (the simulator's injected fault). */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Start of the creation date range (YYYY-MM-DD, inclusive, UTC). */
        date_start: components["schemas"]["Date"];
        /** @description End of the creation date range (inclusive); not before date_start. */
        date_end: components["schemas"]["Date"];
        /** @description Usage date range start (coupons never used are left out). */
        date_of_use_start: components["schemas"]["Date"];
        /** @description Usage date range end. */
        date_of_use_end: components["schemas"]["Date"];
        /** @description Expiration range start. */
        expiration_date_start: components["schemas"]["Date"];
        /** @description Expiration range end. */
        expiration_date_end: components["schemas"]["Date"];
        /**
         * @description Derived status (decision B-4), in English or Portuguese: Used/Utilizado (status true);
         *     Expired/Vencido (unused, past the end of its expiration day); Not Used/Não Utilizado
         *     (unused, not expired); Expiring/Vencendo (unused, expiring within 7 days — a subset of Not Used).
         */
        coupon_status: "Used" | "Not Used" | "Expired" | "Expiring" | "Utilizado" | "Não Utilizado" | "Vencido" | "Vencendo";
        /** @description Coupons per page, 0–100 (0 returns no coupons but the right total). */
        limit: number;
        /**
         * @description 1-based **page number**: skip = (offset − 1) × limit (decision B-1). The docs read "Number
         *     of coupons to skip (min 1)", which taken literally could never return the first coupon.
         */
        offset: number;
        /** @description Case-insensitive substring of the code, client name, email or phone (phone also on digits). */
        search: string;
        /** @description Sort column; ties break on id. */
        order_column: "created_at" | "expiration_date" | "date_of_use" | "code" | "status";
        /** @description Sort direction. */
        order_type: "ASC" | "DESC";
        /** @description Module context. */
        module: "premiado" | "falae";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listCoupons: {
        parameters: {
            query: {
                /** @description Start of the creation date range (YYYY-MM-DD, inclusive, UTC). */
                date_start: components["parameters"]["date_start"];
                /** @description End of the creation date range (inclusive); not before date_start. */
                date_end: components["parameters"]["date_end"];
                /** @description Usage date range start (coupons never used are left out). */
                date_of_use_start?: components["parameters"]["date_of_use_start"];
                /** @description Usage date range end. */
                date_of_use_end?: components["parameters"]["date_of_use_end"];
                /** @description Expiration range start. */
                expiration_date_start?: components["parameters"]["expiration_date_start"];
                /** @description Expiration range end. */
                expiration_date_end?: components["parameters"]["expiration_date_end"];
                /**
                 * @description Derived status (decision B-4), in English or Portuguese: Used/Utilizado (status true);
                 *     Expired/Vencido (unused, past the end of its expiration day); Not Used/Não Utilizado
                 *     (unused, not expired); Expiring/Vencendo (unused, expiring within 7 days — a subset of Not Used).
                 */
                coupon_status?: components["parameters"]["coupon_status"];
                /** @description Coupons per page, 0–100 (0 returns no coupons but the right total). */
                limit: components["parameters"]["limit"];
                /**
                 * @description 1-based **page number**: skip = (offset − 1) × limit (decision B-1). The docs read "Number
                 *     of coupons to skip (min 1)", which taken literally could never return the first coupon.
                 */
                offset: components["parameters"]["offset"];
                /** @description Case-insensitive substring of the code, client name, email or phone (phone also on digits). */
                search?: components["parameters"]["search"];
                /** @description Sort column; ties break on id. */
                order_column: components["parameters"]["order_column"];
                /** @description Sort direction. */
                order_type: components["parameters"]["order_type"];
                /** @description Module context. */
                module: components["parameters"]["module"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponListResponse"];
                };
            };
            /** @description A required parameter is missing or a parameter is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listClientCoupons: {
        parameters: {
            query?: {
                /** @description International format without + (e.g. 551199999999); +55… and masked forms are accepted. */
                phone?: string;
                email?: string;
                /** @description CPF, masked (000.000.000-00) or 11 digits. */
                cpf?: string;
            };
            header?: never;
            path: {
                /** @description Company UUID. */
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client's coupons (a bare array). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientCouponList"];
                };
            };
            /** @description No search parameter, or an invalid one. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Client not found (or the company is outside the token's scope). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markCouponUsed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The coupon id (a UUID in practice; a coupon code is not looked up, decision B-9). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked as used. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already used, or expired (within 3 hours of the end of the expiration day). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Coupon not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
