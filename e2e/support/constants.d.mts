export declare const ADMIN_USERNAME: string;
export declare const ADMIN_EMAIL: string;
export declare const ADMIN_NAME: string;
export declare const ADMIN_PASSWORD: string;
export declare const AUTH_SECRET: string;
export declare const E2E_DATA_DIR: string;
export declare const PGLITE_DATA_DIR: string;
export declare const API_TOKEN_FILE: string;
