// Copyright © 2022 Ory Corp
// SPDX-License-Identifier: Apache-2.0

export * from "./404"
export * from "./500"
export * from "./error"
export * from "./health"
export * from "./login"
export * from "./consent"
export * from "./recovery"
export * from "./registration"
export * from "./sessions"
export * from "./settings"
export * from "./static"
export * from "./verification"
export * from "./welcome"
export * from "./logout"
