/** The types of workerLogs.js (plain JavaScript: jest loads the test environment that uses it untransformed). */
export declare const EXIT_REPORT_FILE: string;
export declare const EXIT_TIMES_FILE: string;
