/* Generated from specs/zupy.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */
export interface paths {
    "/api/v2/auth/request-otp/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an OTP for a customer
         * @description Sends a 6-digit code by WhatsApp (phones) or email; the code lives 5 minutes.
         */
        post: operations["requestOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/auth/verify-otp/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify an OTP and open a customer session
         * @description Checks the code and returns an `otp_session` (valid 30 minutes, bound to this customer and
         *     company) to send as `X-OTP-Session`. Creates the customer when the identifier is new.
         */
        post: operations["verifyOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/rewards/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the reward catalogue
         * @description Paginated catalogue. With `customer_id`, each reward carries `already_redeemed`; with `redeemable=true`, only rewards the customer can afford now. OTP is never required.
         */
        get: operations["listRewards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{id}/rewards/{reward_id}/redeem/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem a reward for a customer (creates a coupon)
         * @description Debits points (Z$ may cover a gap of at most 20% of the cost, with a 20% markup) and creates
         *     an active coupon with `remaining_usages = total_usages_allowed` and
         *     `valid_until = created_at + validity_days × 24 h`. Marketing rewards are free and once per
         *     customer. Requires a read-write key, and `X-OTP-Session` when the company's
         *     `require_otp_for_redemption` is on.
         */
        post: operations["redeemReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/coupons/issued/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List issued coupons, or look one up by code
         * @description Every coupon issued by the company (loyalty-reward redemptions and marketing claims), newest
         *     first, cursor-paginated. `code` is the exact, case-insensitive CZ-/CP- lookup: the matching
         *     coupon, or `data: []` (HTTP 200) when there is none. A coupon past `valid_until` reads as
         *     `expired` (decision Z-5). OTP is never required.
         */
        get: operations["listIssuedCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{id}/coupons/{coupon_id}/validate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate (use) a coupon
         * @description Atomic and race-safe: of two concurrent calls on the last use, one gets 200 and the other
         *     409. Decrements `remaining_usages`; at 0 the coupon becomes `used`. A used, expired or
         *     cancelled coupon gets 409 with no side effect (`Cupom já Used|Expired|Cancelled`); a coupon
         *     past `valid_until` is expired on the spot. Send an empty body. Points do not move.
         */
        post: operations["validateCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/coupons/issued/stats/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics of issued coupons
         * @description Same filters as the list except `status`, which is ignored so the breakdown covers every status (decision Z-21).
         */
        get: operations["getIssuedCouponStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{id}/points/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's points and Z$ balance
         * @description Referenced by validate's `new_balance`; the response shape is not documented.
         */
        get: operations["getCustomerPoints"];
        put?: never;
        post?: never;
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
        /** @description `meta` of single-object responses: `{}`. */
        EmptyMeta: Record<string, never>;
        PaginationMeta: {
            /** @description Opaque cursor of the next page; null on the last page. */
            cursor: string | null;
            has_next: boolean;
            /** @description Total number of matching records. */
            count: number | null;
        };
        /** @enum {string} */
        CouponStatus: "active" | "used" | "expired" | "cancelled";
        /** @enum {string} */
        OriginType: "loyalty_reward" | "marketing";
        /** @description Z$ amount, a decimal string with exactly 6 decimal places (the simulator never emits null). */
        ZAmount: string | null;
        /** @description Customer-facing code, canonical upper case. */
        CouponCode: string;
        Ksuid: string;
        /** Format: date-time */
        DateTime: string;
        OTPRequestBody: {
            /** @description A phone (+55…), an email or a CPF. */
            identifier: string;
        };
        OTPRequestResponse: {
            /** @enum {string} */
            status: "sent";
            /** @enum {string} */
            channel: "whatsapp" | "email" | "sms";
            /** @description Seconds the code stays valid (300). */
            expires_in: number;
        };
        OTPVerifyRequestBody: {
            identifier: string;
            /** @description The 6-digit code. */
            otp_code: string;
        };
        OTPVerifyResponse: {
            /** @description KSUID or user PK. */
            customer_id: string;
            is_new: boolean;
            /** @description Send as X-OTP-Session; valid 30 minutes. */
            otp_session: string;
            full_name: string;
            points_balance: number;
            /** @enum {string|null} */
            tier: "default" | "bronze" | "silver" | "gold" | "platinum" | "vip" | null;
        };
        RewardCatalog: {
            id: components["schemas"]["Ksuid"];
            name: string;
            description?: string;
            points_required: number;
            is_available: boolean;
            /** @default false */
            already_redeemed: boolean;
            /** @description Days the coupon stays valid after redemption. */
            validity_days: number;
            origin_type: components["schemas"]["OriginType"];
            /** @enum {string} */
            reward_type: "other" | "generic" | "welcome" | "return" | "birthday" | "surprise" | "recovery" | "gift";
            is_active: boolean;
            /** @description null means unlimited. */
            quantity_available: number | null;
            quantity_redeemed: number;
            /** Format: date-time */
            start_date?: string | null;
            /** Format: date-time */
            end_date?: string | null;
            created_at: components["schemas"]["DateTime"];
        };
        RewardRedeemRequest: {
            /**
             * @description If true, Z$ cover a points gap of at most 20% of the cost (with a 20% markup).
             * @default false
             */
            use_z_tokens: boolean;
        };
        RewardRedeemResponse: {
            /** @description The coupon KSUID; may be absent (decision Z-4). */
            id?: components["schemas"]["Ksuid"];
            customer_id: string;
            coupon_code: components["schemas"]["CouponCode"];
            points_used: number;
            z_tokens_used: components["schemas"]["ZAmount"];
            new_balance: number;
            new_z_balance: components["schemas"]["ZAmount"];
            valid_until: components["schemas"]["DateTime"];
            created_at: components["schemas"]["DateTime"];
        };
        CouponInventory: {
            id: components["schemas"]["Ksuid"];
            coupon_code: components["schemas"]["CouponCode"];
            status: components["schemas"]["CouponStatus"];
            /** @description Localised label: Ativo, Utilizado, Expirado, Cancelado. */
            status_display: string;
            origin_type?: components["schemas"]["OriginType"];
            /**
             * Format: date-time
             * @description When the coupon became used; null while active (decision Z-11).
             */
            usage_date?: string | null;
            remaining_usages: number;
            total_usages_allowed: number;
            valid_until: components["schemas"]["DateTime"];
            reward_name: string;
            reward_id: string;
            customer_id: string;
            customer_name: string;
            points_spent: number;
            redemption_date: components["schemas"]["DateTime"];
            created_at: components["schemas"]["DateTime"];
        };
        CouponValidateResponse: {
            /** @description Equals the {id} of the path. */
            customer_id: string;
            coupon_code: components["schemas"]["CouponCode"];
            /** @enum {string} */
            status: "validated";
            remaining_usages: number;
            total_usages_allowed: number;
            validated_at: components["schemas"]["DateTime"];
            /** @description Current points (validate debits nothing). */
            new_balance: number;
            new_z_balance: components["schemas"]["ZAmount"];
        };
        CouponStats: {
            total_issued: number;
            used: number;
            /** @description round(used / total_issued × 100, 2); 0 when nothing was issued. */
            usage_rate: number;
            by_status: {
                active: number;
                used: number;
                expired: number;
                cancelled: number;
            };
            by_origin: {
                loyalty_reward: number;
                marketing: number;
            };
        };
        CustomerPoints: {
            customer_id: string;
            points_balance: number;
            z_balance: components["schemas"]["ZAmount"];
        };
        /** @description RFC 7807 problem details. */
        Problem: {
            /**
             * Format: uri
             * @description https://docs.zupy.com/errors#<slug>
             */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description The request path. */
            instance: string;
            errors?: components["schemas"]["FieldError"][];
        };
        ValidationProblem: components["schemas"]["Problem"] & {
            errors: components["schemas"]["FieldError"][];
        };
        FieldError: {
            field: string;
            detail: string;
        };
    };
    responses: {
        /** @description Missing, malformed or revoked API key. */
        Unauthorized: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description The key may not call this endpoint. */
        Forbidden: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description A read-only key on a write, or the company's OTP policy requires `X-OTP-Session` and it is missing, unknown, expired or bound to another customer. */
        ForbiddenWrite: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description The customer, reward or coupon does not exist under this customer and company (another company's resources are 404 too). */
        NotFound: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description A missing or invalid field, or a body that is not JSON (the OTP endpoints answer validation errors with 400, decision Z-20). */
        OtpBadRequest: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationProblem"];
            };
        };
        /** @description The body is not JSON, or not of a supported media type. */
        MalformedBody: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationProblem"];
            };
        };
        /** @description The body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description Over the key's per-minute limit. */
        RateLimited: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description A downstream outage (or the simulator's injected fault). */
        ServiceUnavailable: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Customer KSUID (`^[0-9A-Za-z]{27}$`); not pattern-checked: a malformed or unknown id is a 404 (decision Z-23). */
        customerId: string;
        /** @description The `otp_session` from verify-otp; required when the company's OTP policy covers this action. */
        "X-OTP-Session": string;
        /** @description Opaque cursor from the previous page's `meta.cursor`. */
        cursor: string;
        /** @description Page size; default 20, values above 100 are clamped to 100. */
        page_size: number;
    };
    requestBodies: never;
    headers: {
        /** @description Requests allowed per minute for this key. */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description When the window resets (Unix epoch seconds). */
        "X-RateLimit-Reset": number;
        /** @description Seconds to wait (429 only). */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    requestOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OTPRequestBody"];
            };
        };
        responses: {
            /** @description Code sent. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["OTPRequestResponse"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            400: components["responses"]["OtpBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OTPVerifyRequestBody"];
            };
        };
        responses: {
            /** @description Verified; session opened. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["OTPVerifyResponse"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            400: components["responses"]["OtpBadRequest"];
            /** @description Invalid API key, or an invalid or expired OTP code. */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description No OTP was requested for this identifier. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description Too many attempts (five wrong codes), or over the key's rate limit. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRewards: {
        parameters: {
            query?: {
                /** @description Customer KSUID; adds `already_redeemed`; required when `redeemable=true`. */
                customer_id?: string;
                /** @description Only rewards the customer can redeem now (points ≥ cost, available, in stock, marketing not yet claimed). */
                redeemable?: boolean;
                /** @description Opaque cursor from the previous page's `meta.cursor`. */
                cursor?: components["parameters"]["cursor"];
                /** @description Page size; default 20, values above 100 are clamped to 100. */
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of rewards. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RewardCatalog"][];
                        meta: components["schemas"]["PaginationMeta"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description `redeemable=true` without `customer_id`, or an invalid cursor or parameter. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationProblem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    redeemReward: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `otp_session` from verify-otp; required when the company's OTP policy covers this action. */
                "X-OTP-Session"?: components["parameters"]["X-OTP-Session"];
            };
            path: {
                /** @description Customer KSUID (`^[0-9A-Za-z]{27}$`); not pattern-checked: a malformed or unknown id is a 404 (decision Z-23). */
                id: components["parameters"]["customerId"];
                /** @description Reward KSUID. */
                reward_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RewardRedeemRequest"];
            };
        };
        responses: {
            /** @description Redeemed; the coupon was created. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RewardRedeemResponse"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description Not enough points (or Z$), a marketing reward already claimed, or a reward that cannot be redeemed now. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationProblem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listIssuedCoupons: {
        parameters: {
            query?: {
                /** @description One customer's coupons (KSUID); omit for the whole company. An unknown customer gives an empty list. */
                customer_id?: string;
                /** @description Effective status filter. */
                status?: components["schemas"]["CouponStatus"];
                origin_type?: components["schemas"]["OriginType"];
                /** @description Coupons from one reward. */
                reward_id?: string;
                /** @description Exact coupon_code lookup, case-insensitive (`cz-914f15f3` ≡ `CZ-914F15F3`). */
                code?: string;
                /** @description Opaque cursor from the previous page's `meta.cursor`. */
                cursor?: components["parameters"]["cursor"];
                /** @description Page size; default 20, values above 100 are clamped to 100. */
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons (empty when a lookup finds nothing). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CouponInventory"][];
                        meta: components["schemas"]["PaginationMeta"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description A status outside the public set, a malformed parameter or an invalid cursor. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationProblem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    validateCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `otp_session` from verify-otp; required when the company's OTP policy covers this action. */
                "X-OTP-Session"?: components["parameters"]["X-OTP-Session"];
            };
            path: {
                /** @description Customer KSUID (`^[0-9A-Za-z]{27}$`); not pattern-checked: a malformed or unknown id is a 404 (decision Z-23). */
                id: components["parameters"]["customerId"];
                /**
                 * @description The coupon KSUID (`^[0-9A-Za-z]{27}$`, exact) or its code (`^(CZ|CP)-[A-Z0-9]{8}$`,
                 *     case-insensitive). Kept descriptive, not enforced: a malformed value is a 404 (decision Z-2).
                 */
                coupon_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Validated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CouponValidateResponse"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenWrite"];
            404: components["responses"]["NotFound"];
            /** @description The coupon is used, expired or cancelled (or lost a concurrent race). No side effect. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getIssuedCouponStats: {
        parameters: {
            query?: {
                customer_id?: string;
                reward_id?: string;
                origin_type?: components["schemas"]["OriginType"];
                /** @description Exact, case-insensitive code. */
                code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Statistics. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CouponStats"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description An origin_type outside the enum, or another malformed filter. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationProblem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerPoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Customer KSUID (`^[0-9A-Za-z]{27}$`); not pattern-checked: a malformed or unknown id is a 404 (decision Z-23). */
                id: components["parameters"]["customerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Balances. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CustomerPoints"];
                        meta: components["schemas"]["EmptyMeta"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
