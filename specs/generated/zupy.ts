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
         * @description Sends a 6-digit one-time code to the customer identified by a phone, an email or a CPF:
         *     by WhatsApp (the primary channel, for phones) or by email (the fallback). The code lives
         *     5 minutes (`expires_in: 300`). Step 1 of the OTP flow; verify it with `verifyOtp`.
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
         * @description Checks the code sent by `requestOtp` and returns an `otp_session` to send as the
         *     `X-OTP-Session` header on redeem and validate. The session lives 30 minutes. Creates the
         *     customer when the identifier is new (`is_new: true`). Wrong or expired codes are 401;
         *     too many attempts are 429; an identifier with no pending code is 404.
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
         * @description The company's reward catalogue, cursor-paginated (newest first). With `customer_id`, each
         *     reward carries that customer's `already_redeemed`; with `redeemable=true` (which requires
         *     `customer_id`), only the rewards the customer can redeem now. OTP is never required.
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
         * Redeem a reward for a customer (issues a coupon)
         * @description Deducts the reward's points from the customer and issues a coupon: `status=active`,
         *     `remaining_usages = total_usages_allowed` (a snapshot of the reward) and
         *     `valid_until = created_at + validity_days × 24 h` (decision Z-6). Answers 200, not 201.
         *
         *     With `use_z_tokens=true`, Z$ tokens cover a points gap of at most 20% of the reward's cost,
         *     at 1 point = 1 Z$ plus a 20% markup (worked example: cost 500, balance 450 pts and 1,150 Z$
         *     → `points_used: 450`, `z_tokens_used: "60.000000"`). A larger gap is a 422. Marketing
         *     rewards cost no points and can be claimed once per customer.
         *
         *     Needs a read-write key, and `X-OTP-Session` when the company's
         *     `require_otp_for_redemption` is on. Order of checks (decision Z-7): 401 → 403
         *     permission-denied → 403 otp-required → 404 → 422.
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
         * @description Every coupon (RewardRedemption) issued by the company — loyalty-reward redemptions
         *     (`origin_type=loyalty_reward`, points spent) and marketing claims (`origin_type=marketing`,
         *     no points) — newest first (`created_at` descending), cursor-paginated (decision Z-13).
         *
         *     `code` is the exact, case-insensitive `CZ-`/`CP-` lookup (the route when the cashier does not
         *     know the customer): the matching coupon, or `data: []` with HTTP 200 when there is none.
         *     Filters never 404: an unknown or foreign `customer_id` gives an empty list (decision Z-22).
         *     A coupon past `valid_until` reads as `expired` (decision Z-5). OTP is never required.
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
         * @description Uses one use of the coupon: `remaining_usages -= 1`; at 0 the coupon becomes `used` (multi-use
         *     coupons stay `active` until their last use). Atomic and race-safe (row lock): of two
         *     concurrent calls on the last use, one gets 200 and the other 409. Points do not move:
         *     `new_balance` and `new_z_balance` are the current balances.
         *
         *     A used, expired or cancelled coupon is a 409 with no side effect (`Cupom já Used`,
         *     `Cupom já Expired`, `Cupom já Cancelled`): re-validating a used coupon is safe. A coupon past
         *     `valid_until` is expired on the spot (`now > valid_until`, decision Z-5). While uses remain,
         *     each retry consumes another use; there is no idempotency key (decision Z-11).
         *
         *     Send no body. Needs a read-write key, and `X-OTP-Session` when the company's
         *     `require_otp_for_coupon_usage` is on. Order of checks (decision Z-7): 401 → 403
         *     permission-denied → 403 otp-required → 404 → 409.
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
         * @description How many coupons were issued (rewards redeemed) and how many were used — company-wide, per
         *     reward, per origin, per customer or for one code. Takes the list's filters except `status`,
         *     which is ignored so the breakdown always spans every status. Not paginated (`meta: {}`).
         *     `sum(by_status) == sum(by_origin) == total_issued` and `used == by_status.used`.
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
         * @description The customer's current points balance and Z$ balance. The endpoint is referenced by the
         *     validate response's `new_balance` ("partners don't need a follow-up GET
         *     /customers/{id}/points/"); its response shape is not documented and is inferred here.
         *     OTP is never required.
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
        /** @description `meta` of single-object responses: always `{}`. */
        EmptyMeta: Record<string, never>;
        /**
         * @description `meta` of cursor-paginated lists. `cursor` is the opaque token of the **next** page (null on
         *     the last page), `has_next` says whether there is one, and `count` is the total number of
         *     matching records (decision Z-13).
         */
        PaginationMeta: {
            /** @description Cursor of the next page (pass as `?cursor=`); null on the last page. */
            cursor: string | null;
            has_next: boolean;
            /** @description Total number of matching records (independent of the page). */
            count: number | null;
        };
        /**
         * @description The public coupon statuses [SZ L57, L65]. The published OAS enum also lists internal
         *     RewardRedemption states (`pending`, `pending_blockchain`, `completed`, `failed`,
         *     `blockchain_error`), never emitted (decision Z-12, inferred). Schemas used in requests
         *     carry no `x-` keywords (the simulator compiles them with a strict JSON Schema validator);
         *     their provenance is on the parameter, request body or property that uses them.
         * @enum {string}
         */
        CouponStatus: "active" | "used" | "expired" | "cancelled";
        /**
         * @description `loyalty_reward` (redeemed by spending points) or `marketing` (claimed without points) [SZ L58, L66].
         * @enum {string}
         */
        OriginType: "loyalty_reward" | "marketing";
        /** @description A KSUID (27 base62 characters, mixed case). */
        Ksuid: string;
        /**
         * @description Customer-facing coupon code, canonical upper case: `CZ-` (or legacy `CP-`) followed by 8
         *     upper-case alphanumerics (not only hex: `CZ-E5F6G7H8`, `CZ-X9Y8Z7W6`).
         */
        CouponCode: string;
        /**
         * @description A Z$ amount: a stringified decimal with exactly 6 decimal places (`"0.000000"`,
         *     `"2418.400000"`). Nullable per the published OAS; the simulator always emits a string.
         */
        ZAmount: string | null;
        /** @description A monetary or percentage value as a decimal string with 2 decimal places (DRF DecimalField). */
        Decimal2: string | null;
        /** @description A decimal string as in the published OAS (up to 12 integer digits and 6 decimals). */
        DecimalString: string | null;
        OTPRequestBody: {
            /** @description The customer's phone (`+5511987654321`, 10 to 15 digits with an optional `+`), email or CPF (`123.456.789-09` or 11 digits). */
            identifier: string;
        };
        OTPRequestResponse: {
            /**
             * @description Always `sent`.
             * @enum {string}
             */
            status: "sent";
            /**
             * @description Where the code went (WhatsApp primary, email fallback).
             * @enum {string}
             */
            channel: "whatsapp" | "email" | "sms";
            /** @description Seconds the code stays valid (300). */
            expires_in: number;
        };
        OTPVerifyRequestBody: {
            /** @description The same identifier as in `requestOtp` (same format). */
            identifier: string;
            /**
             * @description The 6-digit code (`123456`). Typed as a plain string, as in the published OAS: a wrong
             *     code of any shape is a 401, not a 400.
             */
            otp_code: string;
        };
        OTPVerifyResponse: {
            /** @description KSUID or user PK (looser than a KSUID). */
            customer_id: string;
            /** @description True when verify created the customer. */
            is_new: boolean;
            /** @description Opaque; send as `X-OTP-Session`. Valid 30 minutes. */
            otp_session: string;
            full_name: string;
            points_balance: number;
            /** @enum {string|null} */
            tier: "default" | "bronze" | "silver" | "gold" | "platinum" | "vip" | null;
        };
        /**
         * @description A reward of the catalogue. The fields the guide names are required; the other published
         *     fields are read-only and optional here.
         */
        RewardCatalog: {
            /** @description Reward KSUID (use in the redeem URL). */
            id: components["schemas"]["Ksuid"];
            /** @description Display name. */
            name: string;
            readonly description?: string;
            /** @description Points needed to redeem (0 for marketing rewards). */
            points_required: number;
            /** @description Whether the reward is currently available. */
            is_available: boolean;
            /**
             * @description Whether the customer of `customer_id` already redeemed it (false without `customer_id`).
             * @default false
             */
            already_redeemed: boolean;
            /** @description Days the coupon stays valid after redemption. */
            validity_days: number;
            origin_type: components["schemas"]["OriginType"];
            /** @enum {string} */
            readonly reward_type: "other" | "generic" | "welcome" | "return" | "birthday" | "surprise" | "recovery" | "gift";
            readonly monetary_value?: components["schemas"]["Decimal2"];
            /** @description Stock; null means unlimited. */
            readonly quantity_available: number | null;
            readonly quantity_redeemed: number;
            /** @enum {string} */
            readonly discount_type?: "none" | "percentage" | "fixed_amount" | "free_shipping" | "free_item" | "conditional";
            readonly discount_percentage?: components["schemas"]["Decimal2"];
            readonly discount_fixed_amount?: components["schemas"]["Decimal2"];
            readonly maximum_discount_value?: components["schemas"]["Decimal2"];
            /** Format: uri */
            readonly image_url?: string | null;
            readonly program_id?: string;
            readonly program_name?: string;
            readonly is_active: boolean;
            /** Format: date-time */
            readonly start_date?: string | null;
            /** Format: date-time */
            readonly end_date?: string | null;
            readonly settlement_budget?: components["schemas"]["DecimalString"];
            /** @description The customer's share of the Z$ split (`"50.00"`). */
            readonly customer_split_pct?: components["schemas"]["Decimal2"];
            /** @description Always null in 2026-05. */
            readonly operator_split_pct?: components["schemas"]["Decimal2"];
            /** @description Always null in 2026-05. */
            readonly publisher_split_pct?: components["schemas"]["Decimal2"];
            /** @description Always null in 2026-05. */
            readonly sharer_split_pct?: components["schemas"]["Decimal2"];
            readonly z_distributed_total?: components["schemas"]["DecimalString"];
            /** @enum {string} */
            readonly budget_mode?: "unlimited" | "per_redemption" | "pooled";
            /** @enum {string|null} */
            readonly campaign_status?: "draft" | "active" | "paused" | "ended" | null;
            readonly campaign_operator_id?: string | null;
            readonly campaign_operator_name?: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        RewardRedeemRequest: {
            /**
             * @description If true, Z$ tokens cover a points gap of at most 20% of the cost (with a 20% markup).
             * @default false
             */
            use_z_tokens: boolean;
        };
        RewardRedeemResponse: {
            /** @description The coupon KSUID (used in the validate URL); may be absent — do not rely on it (decision Z-4). */
            id?: components["schemas"]["Ksuid"];
            /** @description Customer KSUID. */
            customer_id: string;
            /** @description The code to show the customer. */
            coupon_code: components["schemas"]["CouponCode"];
            /** @description Points deducted (0 for marketing rewards). */
            points_used: number;
            /** @description Z$ consumed; `"0.000000"` when `use_z_tokens=false` or the reward is points-only. */
            z_tokens_used: components["schemas"]["ZAmount"];
            /** @description Points balance after the redemption. */
            new_balance: number;
            /** @description Current Z$ balance; always returned. */
            new_z_balance: components["schemas"]["ZAmount"];
            /**
             * Format: date-time
             * @description Server-computed expiry, `created_at + validity_days × 24 h` (decision Z-6).
             */
            valid_until: string;
            /**
             * Format: date-time
             * @description Coupon creation timestamp.
             */
            created_at: string;
        };
        /** @description An issued coupon (a RewardRedemption). */
        CouponInventory: {
            /** @description Coupon KSUID (use in the validate URL). */
            id: components["schemas"]["Ksuid"];
            coupon_code: components["schemas"]["CouponCode"];
            /** @description Effective status (an active coupon past `valid_until` reads `expired`, decision Z-5). */
            status: components["schemas"]["CouponStatus"];
            /** @description Localised label: `Ativo`, `Utilizado`, `Expirado`, `Cancelado`. */
            status_display: string;
            origin_type?: components["schemas"]["OriginType"];
            /**
             * Format: date-time
             * @description When the coupon became `used` (its last use); null while active, including a partly used multi-use coupon.
             */
            usage_date?: string | null;
            /** @description Uses left. */
            remaining_usages: number;
            /** @description Total uses (1 = single-use); a snapshot of the reward. */
            total_usages_allowed: number;
            /**
             * Format: date-time
             * @description Expiry.
             */
            valid_until: string;
            reward_name: string;
            reward_id: components["schemas"]["Ksuid"];
            /** @description Customer KSUID (or user PK). */
            customer_id: string;
            customer_name: string;
            /** @description Points spent at redemption (redeem calls it `points_used`). */
            points_spent: number;
            /** Format: date-time */
            redemption_date: string;
            /** Format: date-time */
            created_at: string;
        };
        CouponValidateResponse: {
            /** @description Customer KSUID; equals the path `{id}`. */
            customer_id: string;
            /** @description The validated code, canonical upper case. */
            coupon_code: components["schemas"]["CouponCode"];
            /**
             * @description Always `validated` on success.
             * @enum {string}
             */
            status: "validated";
            /** @description Uses left after this validation. */
            remaining_usages: number;
            total_usages_allowed: number;
            /** Format: date-time */
            validated_at: string;
            /** @description Current points balance (validate debits nothing). */
            new_balance: number;
            /** @description Current Z$ balance. */
            new_z_balance: components["schemas"]["ZAmount"];
        };
        CouponStats: {
            /** @description Rewards redeemed = coupons issued. */
            total_issued: number;
            /** @description Coupons fully consumed (`by_status.used`; partly used multi-use coupons do not count). */
            used: number;
            /** @description `round(used / total_issued × 100, 2)`; 0 when nothing was issued (decision Z-21). */
            usage_rate: number;
            /** @description Count per effective status; all four keys, zero-filled. */
            by_status: {
                active: number;
                used: number;
                expired: number;
                cancelled: number;
            } & {
                [key: string]: number;
            };
            /** @description Count per provenance; both keys, zero-filled. */
            by_origin: {
                loyalty_reward: number;
                marketing: number;
            } & {
                [key: string]: number;
            };
        };
        /** @description A customer's balances (shape inferred). */
        CustomerPoints: {
            /** @description Customer KSUID (or user PK). */
            customer_id: string;
            points_balance: number;
            z_balance: components["schemas"]["ZAmount"];
        };
        /**
         * @description RFC 7807 problem details, served as `application/json`. `type` is
         *     `https://docs.zupy.com/errors#<slug>`; contract tests match only the slug. `instance` is
         *     the request path.
         */
        Problem: {
            /**
             * Format: uri
             * @description `https://docs.zupy.com/errors#<slug>`.
             */
            type: string;
            title: string;
            /** @description Equals the HTTP status code. */
            status: number;
            detail: string;
            /** @description The request path. */
            instance: string;
            /** @description Only on a 500 (`internal-error`) from the simulator, the id its stderr log names for the failed request. */
            request_id?: string;
        };
        /** @description A `validation-error` problem with field errors; clients should read `errors[].detail` first. */
        ValidationProblem: components["schemas"]["Problem"] & {
            errors: components["schemas"]["FieldError"][];
        };
        FieldError: {
            /** @description The field name, or `non_field_errors`. */
            field: string;
            detail: string;
        };
    };
    responses: {
        /**
         * @description A known path asked with a method it does not have (each path's `x-method-not-allowed`).
         *     Django REST Framework authenticates first (no key → 401), then answers 405 with `Allow`
         *     listing the path's methods and detail `Method "<METHOD>" not allowed.`
         */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path takes, e.g. `POST` or `GET, HEAD`. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description A missing `X-API-Key`, a key that does not match `zupy_pk_…`, or a revoked key
         *     (`authentication-required`).
         */
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
        /**
         * @description The key may not call this endpoint (`permission-denied`; e.g. an endpoint outside the
         *     partner allowlist). Reads never need OTP, and read-only keys may read.
         */
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
        /** @description The request body is larger than the server accepts. */
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
        /** @description Over the key's per-minute limit (`rate-limit-exceeded`). `Retry-After` says how long to wait. */
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
        /**
         * @description A downstream outage (`service-unavailable`, in Zupy's error reference), or a fault injected
         *     by the simulator. Retry later.
         */
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
        /**
         * @description The customer's KSUID (the LoyaltyUser id, `^[0-9A-Za-z]{27}$`). Not pattern-checked: a
         *     malformed or unknown id, or another company's customer, is a 404 `not-found`, not a 400
         *     (decision Z-23).
         */
        customerId: string;
        /**
         * @description The `otp_session` returned by `verifyOtp`. Required when the company's OTP policy covers
         *     this action (`require_otp_for_redemption` for redeem, `require_otp_for_coupon_usage` for
         *     validate; most companies enable both). Missing, unknown or expired (30 minutes after
         *     verify) → 403 `otp-required`. The simulator also binds a session to the verified customer
         *     and company (decision Z-18, inferred).
         */
        "X-OTP-Session": string;
        /**
         * @description Opaque cursor of the next page, taken from the previous response's `meta.cursor`. An
         *     invalid cursor → 422 `validation-error` (decision Z-13).
         */
        cursor: string;
        /**
         * @description Page size. Default 20; values above 100 are clamped to 100 rather than rejected
         *     (decision Z-13; the published API documents neither).
         */
        page_size: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Requests allowed per minute for this key (sent on every response).
         * @example 60
         */
        "X-RateLimit-Limit": number;
        /**
         * @description Requests left in the current window (sent on every response).
         * @example 59
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description When the current window resets, in Unix epoch seconds (sent on every response).
         * @example 1711108800
         */
        "X-RateLimit-Reset": number;
        /**
         * @description Seconds to wait before retrying (sent only with 429).
         * @example 30
         */
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
            /** @description The code was sent. */
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
            /**
             * @description A missing or invalid `identifier`, or a body that is not JSON. The OTP endpoints answer
             *     validation errors with 400, not 422 (decision Z-20).
             */
            400: {
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
            401: components["responses"]["Unauthorized"];
            /** @description The key may not request OTPs (a read-only key, or an endpoint outside the partner allowlist). */
            403: {
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
            /** @description Verified; the customer session is open. */
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
            /** @description `identifier` or `otp_code` missing or invalid, or a body that is not JSON (400 here, not 422: decision Z-20). */
            400: {
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
            /** @description A missing, malformed or revoked API key, or an invalid or expired OTP code (both `authentication-required`). */
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
            /** @description The key may not verify OTPs (a read-only key, or an endpoint outside the partner allowlist). */
            403: {
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
            /** @description No OTP was requested for this identifier (or the pending code was already used). */
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
            /** @description Too many wrong codes for this identifier, or over the key's rate limit. */
            429: {
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
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRewards: {
        parameters: {
            query?: {
                /**
                 * @description Customer KSUID (`^[0-9A-Za-z]{27}$`, not enforced). Enriches each reward with
                 *     `already_redeemed` for this customer. Required when `redeemable=true`.
                 */
                customer_id?: string;
                /**
                 * @description If true, only the rewards the customer can currently redeem: points balance ≥
                 *     `points_required` (Z$ ignored), available and active, in stock and, for marketing
                 *     rewards, not yet claimed (decision Z-16). Requires `customer_id`; without it → 422.
                 */
                redeemable?: boolean;
                /**
                 * @description Opaque cursor of the next page, taken from the previous response's `meta.cursor`. An
                 *     invalid cursor → 422 `validation-error` (decision Z-13).
                 */
                cursor?: components["parameters"]["cursor"];
                /**
                 * @description Page size. Default 20; values above 100 are clamped to 100 rather than rejected
                 *     (decision Z-13; the published API documents neither).
                 */
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
            /** @description `redeemable=true` without `customer_id` (decision Z-16), an invalid cursor or a malformed parameter (decision Z-13). */
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
                /**
                 * @description The `otp_session` returned by `verifyOtp`. Required when the company's OTP policy covers
                 *     this action (`require_otp_for_redemption` for redeem, `require_otp_for_coupon_usage` for
                 *     validate; most companies enable both). Missing, unknown or expired (30 minutes after
                 *     verify) → 403 `otp-required`. The simulator also binds a session to the verified customer
                 *     and company (decision Z-18, inferred).
                 */
                "X-OTP-Session"?: components["parameters"]["X-OTP-Session"];
            };
            path: {
                /**
                 * @description The customer's KSUID (the LoyaltyUser id, `^[0-9A-Za-z]{27}$`). Not pattern-checked: a
                 *     malformed or unknown id, or another company's customer, is a 404 `not-found`, not a 400
                 *     (decision Z-23).
                 */
                id: components["parameters"]["customerId"];
                /**
                 * @description Reward KSUID (`^[0-9A-Za-z]{27}$`), as listed by `listRewards`. Not pattern-checked: a
                 *     malformed or unknown id, or another company's reward, is a 404 (decision Z-23).
                 */
                reward_id: string;
            };
            cookie?: never;
        };
        /** @description Optional; an absent body means `use_z_tokens=false`. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RewardRedeemRequest"];
            };
        };
        responses: {
            /** @description Redeemed; the coupon was issued. */
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
            /** @description The body is not JSON, or not of a supported media type. */
            400: {
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
            401: components["responses"]["Unauthorized"];
            /**
             * @description A read-only key (`permission-denied`), or the company's OTP policy requires
             *     `X-OTP-Session` and it is missing, unknown, expired (30 min) or bound to another customer
             *     (`otp-required`, decision Z-18).
             */
            403: {
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
            /** @description The customer or the reward does not exist in the key's company (another company's resources are 404 too, never 403). */
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
            /**
             * @description Not enough points (or Z$: a gap above 20% of the cost, or too few Z$), a marketing reward
             *     already claimed by this customer, a reward that cannot be redeemed now (inactive, out of
             *     stock, outside its dates), or an invalid body field. Clients should read
             *     `errors[].detail`; the top-level `detail` is only a summary.
             */
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
                /**
                 * @description One customer's coupons (a LoyaltyUser KSUID, `^[0-9A-Za-z]{27}$`, not enforced). Omit to
                 *     list every coupon of the company. An unknown or foreign customer gives an empty list
                 *     (decision Z-22).
                 */
                customer_id?: string;
                /**
                 * @description Filter by effective status (decision Z-5: an active coupon past `valid_until` counts as
                 *     `expired`). Only the four public values; any other value is a 422. The published OAS
                 *     response enum also lists internal RewardRedemption states (`x-internal-values`), which
                 *     are never emitted (decision Z-12).
                 */
                status?: components["schemas"]["CouponStatus"];
                /** @description Filter by provenance: `loyalty_reward` (redeemed with points) or `marketing` (claimed without points). */
                origin_type?: components["schemas"]["OriginType"];
                /** @description Coupons issued from one reward (reward KSUID). */
                reward_id?: string;
                /**
                 * @description Exact `coupon_code` lookup, case-insensitive (`cz-914f15f3` ≡ `CZ-914F15F3`). No match →
                 *     200 with `data: []`.
                 */
                code?: string;
                /**
                 * @description Opaque cursor of the next page, taken from the previous response's `meta.cursor`. An
                 *     invalid cursor → 422 `validation-error` (decision Z-13).
                 */
                cursor?: components["parameters"]["cursor"];
                /**
                 * @description Page size. Default 20; values above 100 are clamped to 100 rather than rejected
                 *     (decision Z-13; the published API documents neither).
                 */
                page_size?: components["parameters"]["page_size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons (an empty page when a lookup finds nothing). */
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
            /** @description A `status` outside the public set (decision Z-12), an invalid cursor (decision Z-13) or another malformed parameter. */
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
                /**
                 * @description The `otp_session` returned by `verifyOtp`. Required when the company's OTP policy covers
                 *     this action (`require_otp_for_redemption` for redeem, `require_otp_for_coupon_usage` for
                 *     validate; most companies enable both). Missing, unknown or expired (30 minutes after
                 *     verify) → 403 `otp-required`. The simulator also binds a session to the verified customer
                 *     and company (decision Z-18, inferred).
                 */
                "X-OTP-Session"?: components["parameters"]["X-OTP-Session"];
            };
            path: {
                /**
                 * @description The customer's KSUID (the LoyaltyUser id, `^[0-9A-Za-z]{27}$`). Not pattern-checked: a
                 *     malformed or unknown id, or another company's customer, is a 404 `not-found`, not a 400
                 *     (decision Z-23).
                 */
                id: components["parameters"]["customerId"];
                /**
                 * @description Either the coupon KSUID (`^[0-9A-Za-z]{27}$`, exact, case-sensitive) or its code
                 *     (`^(CZ|CP)-[A-Z0-9]{8}$`, matched case-insensitively: `cz-914f15f3` ≡ `CZ-914F15F3`). A
                 *     value containing `-` is matched as a code, anything else as a KSUID. The coupon must
                 *     belong to the path customer `{id}` and to the key's company. Kept descriptive, not
                 *     enforced: a malformed, unknown or foreign value is a 404, not a 400 (decisions Z-2, Z-23).
                 */
                coupon_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Validated (one use consumed). */
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
            /**
             * @description A read-only key (`permission-denied`), or the company's OTP policy requires
             *     `X-OTP-Session` and it is missing, unknown, expired (30 min) or bound to another customer
             *     (`otp-required`, decision Z-18).
             */
            403: {
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
            /**
             * @description Coupon not found under this customer: it belongs to another customer or company, the
             *     `CZ-`/`CP-` code is misspelled, the KSUID is unknown, or the customer does not exist.
             */
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
            /**
             * @description The coupon is used, expired or cancelled (or lost a concurrent race for its last use). No
             *     side effect. The `detail` strings are verbatim.
             */
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
                /** @description Per-reward statistics (reward KSUID). */
                reward_id?: string;
                /** @description `loyalty_reward` or `marketing`. */
                origin_type?: components["schemas"]["OriginType"];
                /** @description Restrict to one customer (KSUID). An unknown customer gives zero counts. */
                customer_id?: string;
                /** @description Exact coupon code, case-insensitive. */
                code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics. */
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
            /** @description An `origin_type` outside the enum, or another malformed filter. */
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
                /**
                 * @description The customer's KSUID (the LoyaltyUser id, `^[0-9A-Za-z]{27}$`). Not pattern-checked: a
                 *     malformed or unknown id, or another company's customer, is a 404 `not-found`, not a 400
                 *     (decision Z-23).
                 */
                id: components["parameters"]["customerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balances. */
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
            /** @description The customer does not exist in the key's company (another company's customer is 404 too). */
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
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
