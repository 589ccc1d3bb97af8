import BlockGenerator
#if canImport(Glibc)
import Glibc
#endif

/// How much synthetic Currents data to make.
public struct SyntheticOptions: Sendable, Equatable {
    public var users: Int
    public var days: Int
    public var seed: UInt64
    /// Midnight UTC of the first day, as UNIX epoch seconds (default 2024-01-01).
    public var startEpoch: Int

    public init(users: Int = 1000, days: Int = 30, seed: UInt64 = 1, startEpoch: Int = 1_704_067_200) {
        self.users = users
        self.days = days
        self.seed = seed
        self.startEpoch = startEpoch
    }
}

/// Deterministic synthetic Braze Currents events that tell a coherent story:
///
/// - Users install on a day of the period (first session, install attribution) and come back with a retention
///   that decays with the days since install; sessions start and end, and carry custom events, purchases and
///   locations.
/// - Campaigns and a Canvas send email, push, in-app, webhook, SMS and Content Cards. Every engagement event refers
///   to a real send of the same user (`SEND_ID`): deliveries never exceed sends, a bounce (hard or soft) means no
///   delivery, a hard bounce or an unsubscribe stops later email, opens follow deliveries, clicks follow opens.
///   Unsubscribes and spam reports are rare.
/// - Some users are in control groups (campaign enrolment, Canvas entry with `IN_CONTROL_GROUP`); they get no
///   message and convert less often than treated users.
/// - Purchases are priced in the user's currency (USD, EUR, GBP, JPY, BRL, CAD).
///
/// Events are keyed by table stem, values by catalog column name (with one key for ids whose name differs by layout),
/// so the same data fills both layouts.
public struct SyntheticCurrents: Sendable {
    public let options: SyntheticOptions
    private var eventsByStem: [String: [Event]] = [:]
    private var users: [User] = []
    private var contexts: [MessageContext] = []
    private var eventIDs: SeededRandom

    public init(options: SyntheticOptions) {
        self.options = options
        eventIDs = SeededRandom(seed: options.seed, "event-ids")
        users = (0..<max(0, options.users)).map { User(index: $0, options: options) }
        simulate()
    }

    /// The rows of one table, in the layout's column order (`nil` is NULL).
    public func rows(for table: CurrentsTable, layout: Layout) -> [[String?]] {
        let columns = table.columns(in: layout)
        let keys = columns.map { SyntheticCurrents.key(of: $0.name, in: layout) }
        let shared = keys.map(Shared.init(key:))
        return (eventsByStem[table.stem] ?? []).map { event in keys.indices.map { value(keys[$0], shared[$0], of: event) } }
    }

    /// How many events a table gets.
    public func count(_ stem: String) -> Int { eventsByStem[stem]?.count ?? 0 }

    /// Every stem with events.
    public var stems: [String] { eventsByStem.keys.sorted() }

    // MARK: Model

    struct Event: Sendable {
        var id: String
        var time: Int
        var user: Int
        /// Index into `contexts`, or -1.
        var context: Int
        var extras: [(String, String)]
    }

    /// The campaign or Canvas step an event belongs to.
    struct MessageContext: Sendable {
        var sendID: String?
        var dispatchID: String?
        var campaign: Campaign?
        var variationID: String?
        var canvasStep: (canvas: Canvas, variationID: String, stepID: String?)?
    }

    enum Channel: Sendable { case email, push, inApp, webhook, sms, contentCard }

    struct Campaign: Sendable {
        var key: String
        var name: String
        var apiID: String
        var internalID: String
        var channel: Channel
        var variations: [String]
        var controlVariation: String?
        /// Fraction of users in the control group.
        var control: Double
        /// Fraction of eligible users each dispatch targets.
        var reach: Double
        /// Conversion probability of a treated user (control users convert at 55 % of it).
        var conversion: Double
        /// Days of the period with a dispatch (empty for triggered campaigns).
        var days: [Int]
    }

    struct Canvas: Sendable {
        var name: String
        var apiID: String
        var internalID: String
        var variationID: String
        var controlVariationID: String
        var steps: [(id: String, name: String, channel: Channel, delayDays: Int)]
    }

    struct User: Sendable {
        let index: Int
        let id: String
        let externalID: String
        let email: String?
        let phone: String?
        let country: String
        let timezone: String
        let utcOffsetHours: Int
        let language: String
        let gender: String
        let currency: String
        let platform: String
        let deviceID: String
        let appID: String
        let sdkVersion: String
        let osVersion: String
        let deviceModel: String?
        let resolution: String
        let carrier: String?
        let browser: String?
        let pushToken: String?
        let installDay: Int
        let stickiness: Double
        let openRate: Double
        let propensity: Double
        let privacyProxy: Bool
        let source: String
        let latitude: Double
        let longitude: Double
        var emailStopped = false

        init(index: Int, options: SyntheticOptions) {
            var random = SeededRandom(seed: options.seed, "user", index)
            self.index = index
            id = random.hex(24)
            externalID = "customer-" + String(100_000 + index)
            let place = random.weighted(SyntheticCurrents.places.map { ($0, $0.weight) })
            country = place.country
            timezone = place.timezone
            utcOffsetHours = place.offset
            language = place.language
            currency = place.currency
            latitude = place.latitude
            longitude = place.longitude
            gender = random.weighted([("F", 0.46), ("M", 0.44), ("O", 0.04), ("N", 0.06)])
            email = random.chance(0.92) ? "customer\(100_000 + index)@example.\(random.pick(["com", "org", "net"]))" : nil
            phone = random.chance(0.4) ? "+1555" + String(1_000_000 + random.below(9_000_000)) : nil
            platform = random.weighted([("ios", 0.45), ("android", 0.4), ("web", 0.15)])
            deviceID = random.uuid()
            appID = SyntheticCurrents.appIDs[platform]!
            sdkVersion = random.pick(platform == "web" ? ["4.8.1", "5.0.0"] : ["6.6.0", "7.0.1", "7.2.0"])
            switch platform {
            case "ios":
                osVersion = random.pick(["16.7", "17.1", "17.2"])
                deviceModel = random.pick(["iPhone14,2", "iPhone15,3", "iPhone13,1"])
                resolution = random.pick(["1170x2532", "1290x2796"])
                carrier = random.pick(["Verizon", "Vodafone", "T-Mobile", "Orange"])
                browser = nil
            case "android":
                osVersion = random.pick(["12", "13", "14"])
                deviceModel = random.pick(["Pixel 7", "SM-G991B", "SM-A546B"])
                resolution = random.pick(["1080x2400", "1440x3088"])
                carrier = random.pick(["Verizon", "Vodafone", "T-Mobile", "Orange"])
                browser = nil
            default:
                osVersion = random.pick(["Mac OS X 14", "Windows 11"])
                deviceModel = nil
                resolution = random.pick(["1920x1080", "2560x1440"])
                carrier = nil
                browser = random.pick(["Chrome", "Safari", "Firefox"])
            }
            pushToken = platform != "web" && random.chance(0.8) ? random.hex(64) : nil
            // Installs spread over the first 80 % of the period, so every cohort has days to retain.
            installDay = random.below(max(1, options.days * 4 / 5))
            stickiness = 0.25 + 0.75 * random.unit()
            openRate = 0.1 + 0.4 * random.unit()
            propensity = 0.4 + 1.2 * random.unit()
            privacyProxy = random.chance(0.15)
            source = random.weighted([("organic", 0.5), ("google_ads", 0.2), ("facebook", 0.15), ("tiktok", 0.1), ("referral", 0.05)])
        }
    }

    struct Place {
        var country: String, timezone: String, offset: Int, language: String, currency: String
        var latitude: Double, longitude: Double, weight: Double
    }

    static let places: [Place] = [
        Place(country: "US", timezone: "America/New_York", offset: -5, language: "en", currency: "USD", latitude: 40.7, longitude: -74.0, weight: 0.2),
        Place(country: "US", timezone: "America/Los_Angeles", offset: -8, language: "en", currency: "USD", latitude: 34.1, longitude: -118.2, weight: 0.15),
        Place(country: "GB", timezone: "Europe/London", offset: 0, language: "en", currency: "GBP", latitude: 51.5, longitude: -0.1, weight: 0.1),
        Place(country: "DE", timezone: "Europe/Berlin", offset: 1, language: "de", currency: "EUR", latitude: 52.5, longitude: 13.4, weight: 0.12),
        Place(country: "FR", timezone: "Europe/Paris", offset: 1, language: "fr", currency: "EUR", latitude: 48.9, longitude: 2.4, weight: 0.08),
        Place(country: "ES", timezone: "Europe/Madrid", offset: 1, language: "es", currency: "EUR", latitude: 40.4, longitude: -3.7, weight: 0.05),
        Place(country: "JP", timezone: "Asia/Tokyo", offset: 9, language: "ja", currency: "JPY", latitude: 35.7, longitude: 139.7, weight: 0.1),
        Place(country: "BR", timezone: "America/Sao_Paulo", offset: -3, language: "pt", currency: "BRL", latitude: -23.6, longitude: -46.6, weight: 0.12),
        Place(country: "CA", timezone: "America/Toronto", offset: -5, language: "en", currency: "CAD", latitude: 43.7, longitude: -79.4, weight: 0.08),
    ]

    static let appIDs = ["ios": "app-ios-7f3a", "android": "app-android-42c9", "web": "app-web-b18e"]
    static let products: [(String, Double)] = [("sku-sneakers", 89), ("sku-hoodie", 59), ("sku-tshirt", 25), ("sku-cap", 19),
                                                 ("sku-socks", 9), ("sku-gift-card", 50)]
    static let exchangeRates = ["USD": 1.0, "EUR": 0.92, "GBP": 0.79, "JPY": 148, "BRL": 4.9, "CAD": 1.35]
    static let appGroupID = "app-group-5d2e"
    static let appGroupAPIID = "9b1d4c2e-3f5a-4e6b-8c7d-0e1f2a3b4c5d"

    // MARK: Values

    /// The key of a column's value: its catalog name, except for ids whose name differs by layout (the shared
    /// layout's `*_API_ID` and the legacy layout's `*_ID` hold the same id), and the shared layout's internal
    /// `CAMPAIGN_ID` / `CANVAS_ID`, which are other ids than the legacy columns of the same name.
    static func key(of column: String, in layout: Layout) -> String {
        switch column {
        case "CAMPAIGN_API_ID": return "CAMPAIGN"
        case "CAMPAIGN_ID": return layout == .shared ? "CAMPAIGN_INTERNAL_ID" : "CAMPAIGN"
        case "CANVAS_API_ID": return "CANVAS"
        case "CANVAS_ID": return layout == .shared ? "CANVAS_INTERNAL_ID" : "CANVAS"
        case "MESSAGE_VARIATION_API_ID", "MESSAGE_VARIATION_ID": return "MESSAGE_VARIATION"
        case "CANVAS_VARIATION_API_ID", "CANVAS_VARIATION_ID": return "CANVAS_VARIATION"
        case "CANVAS_STEP_API_ID", "CANVAS_STEP_ID": return "CANVAS_STEP"
        case "APP_API_ID", "APP_ID": return "APP"
        case "CARD_API_ID", "CARD_ID": return "CARD"
        default: return column
        }
    }

    /// A value that comes from the event's user or message rather than from its own fields.
    enum Shared {
        case id, time, userID, externalUserID, timezone, appGroupID, appGroupAPIID, createdAt, gender, country, language
        case email, deviceID, app, sdkVersion, platform, osVersion, deviceModel, resolution, carrier, browser
        case sendID, dispatchID, campaignInternalID, campaign, campaignName, messageVariation
        case canvasInternalID, canvas, canvasName, canvasVariation, canvasStep

        init?(key: String) {
            switch key {
            case "ID": self = .id
            case "TIME": self = .time
            case "USER_ID": self = .userID
            case "EXTERNAL_USER_ID": self = .externalUserID
            case "TIMEZONE": self = .timezone
            case "APP_GROUP_ID": self = .appGroupID
            case "APP_GROUP_API_ID": self = .appGroupAPIID
            case "SF_CREATED_AT": self = .createdAt
            case "GENDER": self = .gender
            case "COUNTRY": self = .country
            case "LANGUAGE": self = .language
            case "EMAIL_ADDRESS": self = .email
            case "DEVICE_ID": self = .deviceID
            case "APP": self = .app
            case "SDK_VERSION": self = .sdkVersion
            case "PLATFORM": self = .platform
            case "OS_VERSION": self = .osVersion
            case "DEVICE_MODEL": self = .deviceModel
            case "RESOLUTION": self = .resolution
            case "CARRIER": self = .carrier
            case "BROWSER": self = .browser
            case "SEND_ID": self = .sendID
            case "DISPATCH_ID": self = .dispatchID
            case "CAMPAIGN_INTERNAL_ID": self = .campaignInternalID
            case "CAMPAIGN": self = .campaign
            case "CAMPAIGN_NAME": self = .campaignName
            case "MESSAGE_VARIATION": self = .messageVariation
            case "CANVAS_INTERNAL_ID": self = .canvasInternalID
            case "CANVAS": self = .canvas
            case "CANVAS_NAME": self = .canvasName
            case "CANVAS_VARIATION": self = .canvasVariation
            case "CANVAS_STEP": self = .canvasStep
            default: return nil
            }
        }
    }

    /// A column's value for an event: the event's own field `key`, else the shared value.
    private func value(_ key: String, _ shared: Shared?, of event: Event) -> String? {
        for (name, value) in event.extras where name == key { return value }
        guard let shared else { return nil }
        let user = event.user, context = event.context
        switch shared {
        case .id: return event.id
        case .time: return String(event.time)
        case .userID: return users[user].id
        case .externalUserID: return users[user].externalID
        case .timezone: return users[user].timezone
        case .appGroupID: return SyntheticCurrents.appGroupID
        case .appGroupAPIID: return SyntheticCurrents.appGroupAPIID
        case .createdAt: return timestampText(event.time + 900)
        case .gender: return users[user].gender
        case .country: return users[user].country
        case .language: return users[user].language
        case .email: return users[user].email
        case .deviceID: return users[user].deviceID
        case .app: return users[user].appID
        case .sdkVersion: return users[user].sdkVersion
        case .platform: return users[user].platform
        case .osVersion: return users[user].osVersion
        case .deviceModel: return users[user].deviceModel
        case .resolution: return users[user].resolution
        case .carrier: return users[user].carrier
        case .browser: return users[user].browser
        default: break
        }
        guard context >= 0 else { return nil }
        switch shared {
        case .sendID: return contexts[context].sendID
        case .dispatchID: return contexts[context].dispatchID
        case .campaignInternalID: return contexts[context].campaign?.internalID
        case .campaign: return contexts[context].campaign?.apiID
        case .campaignName: return contexts[context].campaign?.name
        case .messageVariation: return contexts[context].variationID
        case .canvasInternalID: return contexts[context].canvasStep?.canvas.internalID
        case .canvas: return contexts[context].canvasStep?.canvas.apiID
        case .canvasName: return contexts[context].canvasStep?.canvas.name
        case .canvasVariation: return contexts[context].canvasStep?.variationID
        case .canvasStep: return contexts[context].canvasStep?.stepID
        default: return nil
        }
    }

    // MARK: Simulation

    private var start: Int { options.startEpoch }
    private var end: Int { options.startEpoch + options.days * 86_400 }

    private mutating func emit(_ stem: String, time: Int, user: Int, context: Int = -1, _ extras: [(String, String)] = []) {
        eventsByStem[stem, default: []].append(Event(id: eventIDs.uuid(), time: time, user: user, context: context, extras: extras))
    }

    private mutating func addContext(_ context: MessageContext) -> Int {
        contexts.append(context)
        return contexts.count - 1
    }

    /// A planned message: who gets what when.
    private struct Intent {
        var time: Int
        var order: Int
        var user: Int
        var context: Int
        var channel: Channel
        var campaign: Campaign?
    }

    private mutating func simulate() {
        guard !users.isEmpty, options.days > 0 else { return }
        var random = SeededRandom(seed: options.seed, "plan")
        let campaigns = makeCampaigns(&random)
        let canvas = makeCanvas(&random)
        var intents: [Intent] = []
        var sessionTimes = [[Int]](repeating: [], count: users.count)

        // Activity: sessions with retention decay, and what happens in them.
        for index in users.indices {
            sessionTimes[index] = simulateSessions(of: index, intents: &intents, campaigns: campaigns)
        }

        // Campaign dispatches: control enrolment once per user and campaign, sends to treated users.
        var enrolled = Set<String>()
        for campaign in campaigns where !campaign.days.isEmpty {
            for (dispatchIndex, day) in campaign.days.enumerated() {
                let dispatchTime = start + day * 86_400 + 15 * 3600
                let dispatchID = random.hex(20)
                let sendIDs = campaign.variations.map { _ in random.uuid() }
                for user in users where firstSessionTime(user) < dispatchTime {
                    var pick = SeededRandom(seed: options.seed, "target-\(campaign.key)", user.index * 1000 + dispatchIndex)
                    guard pick.chance(campaign.reach) else { continue }
                    let time = dispatchTime + pick.below(900)
                    if isInControl(user.index, campaign) {
                        let key = "\(campaign.key)/\(user.index)"
                        guard !enrolled.contains(key), let control = campaign.controlVariation else { continue }
                        enrolled.insert(key)
                        let context = addContext(MessageContext(dispatchID: dispatchID, campaign: campaign, variationID: control))
                        emit("USERS_CAMPAIGNS_ENROLLINCONTROL", time: time, user: user.index, context: context)
                        convert(user.index, after: time, probability: campaign.conversion * 0.55, context: context, stem: "USERS_CAMPAIGNS_CONVERSION",
                                random: &pick)
                        continue
                    }
                    let variation = pick.below(campaign.variations.count)
                    let context = addContext(MessageContext(sendID: sendIDs[variation], dispatchID: dispatchID, campaign: campaign,
                                                            variationID: campaign.variations[variation]))
                    intents.append(Intent(time: time, order: intents.count, user: user.index, context: context, channel: campaign.channel, campaign: campaign))
                }
            }
        }

        // The Canvas: entered at the first session; control users get no steps.
        for user in users {
            let entry = firstSessionTime(user) + 3600
            guard entry < end else { continue }
            var pick = SeededRandom(seed: options.seed, "canvas", user.index)
            let inControl = pick.chance(0.12)
            let entryContext = addContext(MessageContext(canvasStep: (canvas, inControl ? canvas.controlVariationID : canvas.variationID, nil)))
            emit("USERS_CANVAS_ENTRY", time: entry, user: user.index, context: entryContext, [("IN_CONTROL_GROUP", inControl ? "true" : "false")])
            convert(user.index, after: entry, probability: inControl ? 0.04 : 0.14, context: entryContext, stem: "USERS_CANVAS_CONVERSION", random: &pick)
            guard !inControl else { continue }
            for step in canvas.steps {
                let context = addContext(MessageContext(sendID: "\(step.id)-send", dispatchID: random.hex(20),
                                                        canvasStep: (canvas, canvas.variationID, step.id)))
                intents.append(Intent(time: entry + step.delayDays * 86_400, order: intents.count, user: user.index, context: context,
                                      channel: step.channel, campaign: nil))
            }
        }

        // Deliver every message in time order, so a bounce or an unsubscribe stops later email.
        intents.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        for intent in intents where intent.time < end {
            var pick = SeededRandom(seed: options.seed, "deliver", intent.order)
            let delivered: Bool
            switch intent.channel {
            case .email: delivered = deliverEmail(intent, &pick)
            case .push: delivered = deliverPush(intent, &pick)
            case .sms: delivered = deliverSMS(intent, &pick)
            case .webhook:
                emit("USERS_MESSAGES_WEBHOOK_SEND", time: intent.time, user: intent.user, context: intent.context)
                delivered = true
            case .inApp:
                emit("USERS_MESSAGES_INAPPMESSAGE_IMPRESSION", time: intent.time, user: intent.user, context: intent.context,
                     [("CARD", contexts[intent.context].variationID ?? "card"), ("VERSION", "triggered")])
                if pick.chance(0.18) {
                    emit("USERS_MESSAGES_INAPPMESSAGE_CLICK", time: intent.time + pick.int(2...40), user: intent.user, context: intent.context,
                         [("CARD", contexts[intent.context].variationID ?? "card"), ("VERSION", "triggered"), ("BUTTON_ID", "0")])
                }
                delivered = true
            case .contentCard: delivered = deliverContentCard(intent, sessions: sessionTimes[intent.user], &pick)
            }
            if delivered, let campaign = intent.campaign, campaign.conversion > 0 {
                convert(intent.user, after: intent.time, probability: campaign.conversion * users[intent.user].propensity, context: intent.context,
                        stem: "USERS_CAMPAIGNS_CONVERSION", random: &pick)
            }
        }
    }

    private func firstSessionTime(_ user: User) -> Int {
        start + user.installDay * 86_400 + (((10 - user.utcOffsetHours) % 24 + 24) % 24) * 3600
    }

    private func isInControl(_ user: Int, _ campaign: Campaign) -> Bool {
        var random = SeededRandom(seed: options.seed, "control-\(campaign.key)", user)
        return random.chance(campaign.control)
    }

    private mutating func makeCampaigns(_ random: inout SeededRandom) -> [Campaign] {
        let days = options.days
        func campaign(_ key: String, _ name: String, _ channel: Channel, variations: Int, control: Double, reach: Double,
                      conversion: Double, days: [Int]) -> Campaign {
            Campaign(key: key, name: name, apiID: random.uuid(), internalID: random.hex(24), channel: channel,
                     variations: (0..<variations).map { _ in random.uuid() }, controlVariation: control > 0 ? random.uuid() : nil,
                     control: control, reach: reach, conversion: conversion, days: days)
        }
        return [
            campaign("newsletter", "Weekly newsletter", .email, variations: 2, control: 0.1, reach: 0.85, conversion: 0.06,
                     days: Array(stride(from: 2, to: days, by: 7))),
            campaign("sale", "Seasonal sale", .email, variations: 1, control: 0.15, reach: 0.9, conversion: 0.1,
                     days: Array(Set([days * 2 / 5, days * 7 / 10])).filter { $0 > 0 }.sorted()),
            campaign("comeback", "We miss you push", .push, variations: 1, control: 0.1, reach: 0.6, conversion: 0.05,
                     days: Array(stride(from: 5, to: days, by: 10))),
            campaign("offers", "Member offers card", .contentCard, variations: 1, control: 0, reach: 0.7, conversion: 0.03,
                     days: Array(stride(from: 3, to: days, by: 14))),
            campaign("cart", "Cart reminder push", .push, variations: 1, control: 0, reach: 1, conversion: 0.12, days: []),
            campaign("welcome", "Welcome in-app message", .inApp, variations: 1, control: 0, reach: 1, conversion: 0, days: []),
            campaign("loyalty", "Loyalty points webhook", .webhook, variations: 1, control: 0, reach: 1, conversion: 0, days: []),
            campaign("orders", "Order update SMS", .sms, variations: 1, control: 0, reach: 1, conversion: 0, days: []),
        ]
    }

    private func makeCanvas(_ random: inout SeededRandom) -> Canvas {
        Canvas(name: "Onboarding journey", apiID: random.uuid(), internalID: random.hex(24), variationID: random.uuid(),
               controlVariationID: random.uuid(),
               steps: [(random.uuid(), "Welcome email", .email, 0), (random.uuid(), "Getting started push", .push, 2),
                       (random.uuid(), "Complete your profile", .email, 5)])
    }

    /// Sessions from install on, with what happens in them; returns the session start times.
    private mutating func simulateSessions(of index: Int, intents: inout [Intent], campaigns: [Campaign]) -> [Int] {
        let user = users[index]
        var random = SeededRandom(seed: options.seed, "sessions", index)
        var times: [Int] = []
        let cart = campaigns.first { $0.key == "cart" }!
        let welcome = campaigns.first { $0.key == "welcome" }!
        let loyalty = campaigns.first { $0.key == "loyalty" }!
        let orders = campaigns.first { $0.key == "orders" }!
        var lastActiveDay = user.installDay
        for day in user.installDay..<options.days {
            let age = Double(day - user.installDay)
            let active = day == user.installDay || random.chance(user.stickiness * (0.5 * exp(-age / 5) + 0.12))
            guard active else { continue }
            lastActiveDay = day
            let count = day == user.installDay ? 1 : 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.1) ? 1 : 0)
            for number in 0..<count {
                let first = times.isEmpty
                let localHour = first ? 10 : random.int(7...22)
                var time = start + day * 86_400 + ((localHour - user.utcOffsetHours) % 24 + 24) % 24 * 3600 + number * 2 * 3600
                if !first { time += random.below(3600) }
                if !first, let last = times.last, time <= last + 60 { time = last + 600 + random.below(3600) }
                guard time < end else { continue }
                times.append(time)
                let sessionID = random.uuid()
                let session = [("SESSION_ID", sessionID)]
                if first {
                    emit("USERS_BEHAVIORS_APP_FIRSTSESSION", time: time, user: index, session)
                    emit("USERS_BEHAVIORS_INSTALLATTRIBUTION", time: time, user: index, [("SOURCE", user.source)])
                }
                emit("USERS_BEHAVIORS_APP_SESSIONSTART", time: time, user: index, session)
                let duration = 20 + Int(-log(max(1e-9, random.unit())) * 240)
                if time + duration < end {
                    emit("USERS_BEHAVIORS_APP_SESSIONEND", time: time + duration, user: index, session + [("DURATION", String(duration))])
                }
                var at = time + random.int(5...30)
                if first && random.chance(0.7) {
                    emit("USERS_BEHAVIORS_CUSTOMEVENT", time: at, user: index, [("NAME", "completed_onboarding"),
                                                                                  ("PROPERTIES", #"{"steps":4}"#)])
                    at += random.int(10...60)
                }
                if times.count <= 3 && random.chance(0.8) {
                    let context = addContext(MessageContext(sendID: random.uuid(), campaign: welcome, variationID: welcome.variations[0]))
                    intents.append(Intent(time: at, order: intents.count, user: index, context: context, channel: .inApp, campaign: welcome))
                    at += 30
                }
                let product = random.pick(SyntheticCurrents.products)
                if random.chance(0.6) {
                    emit("USERS_BEHAVIORS_CUSTOMEVENT", time: at, user: index, [("NAME", "viewed_product"),
                                                                                  ("PROPERTIES", #"{"product_id":"\#(product.0)"}"#)])
                    at += random.int(10...120)
                }
                var bought = false
                if random.chance(0.2) {
                    emit("USERS_BEHAVIORS_CUSTOMEVENT", time: at, user: index, [("NAME", "added_to_cart"),
                                                                                  ("PROPERTIES", #"{"product_id":"\#(product.0)","quantity":1}"#)])
                    at += random.int(10...120)
                    if random.chance(0.25 * user.propensity) {
                        purchase(index, at: at, product: product, random: &random)
                        bought = true
                        for campaign in [loyalty, orders] {
                            let context = addContext(MessageContext(sendID: random.uuid(), campaign: campaign,
                                                                    variationID: campaign.variations[0]))
                            intents.append(Intent(time: at + 5, order: intents.count, user: index, context: context, channel: campaign.channel,
                                                  campaign: campaign))
                        }
                    } else if user.pushToken != nil {
                        let context = addContext(MessageContext(sendID: random.uuid(), dispatchID: random.hex(20), campaign: cart,
                                                                variationID: cart.variations[0]))
                        intents.append(Intent(time: at + 20 * 3600, order: intents.count, user: index, context: context, channel: .push, campaign: cart))
                    }
                }
                if !bought && random.chance(0.02) { emit("USERS_BEHAVIORS_CUSTOMEVENT", time: at, user: index, [("NAME", "shared_content"), ("PROPERTIES", "{}")]) }
                if random.chance(0.1) {
                    emit("USERS_BEHAVIORS_LOCATION", time: time + 2, user: index,
                         [("LATITUDE", decimal(user.latitude + random.unit() - 0.5, places: 4)),
                          ("LONGITUDE", decimal(user.longitude + random.unit() - 0.5, places: 4)),
                          ("LL_ACCURACY", decimal(5 + 60 * random.unit(), places: 1))])
                }
                if random.chance(0.05) {
                    emit("USERS_BEHAVIORS_APP_NEWSFEEDIMPRESSION", time: time + 15, user: index)
                    emit("USERS_MESSAGES_NEWSFEEDCARD_IMPRESSION", time: time + 16, user: index, [("CARD", "feed-card-spring")])
                    if random.chance(0.2) { emit("USERS_MESSAGES_NEWSFEEDCARD_CLICK", time: time + 25, user: index, [("CARD", "feed-card-spring")]) }
                }
            }
        }
        // Users who stopped coming back sometimes uninstall.
        if lastActiveDay < options.days - 7 && random.chance(0.3) {
            let time = start + (lastActiveDay + 2) * 86_400 + random.below(86_400)
            if time < end { emit("USERS_BEHAVIORS_UNINSTALL", time: time, user: index) }
        }
        return times
    }

    private mutating func purchase(_ index: Int, at time: Int, product: (String, Double), random: inout SeededRandom) {
        let user = users[index]
        let rate = SyntheticCurrents.exchangeRates[user.currency] ?? 1
        let price = user.currency == "JPY" ? decimal((product.1 * rate).rounded(), places: 0) : decimal(product.1 * rate, places: 2)
        emit("USERS_BEHAVIORS_PURCHASE", time: time, user: index,
             [("PRODUCT_ID", product.0), ("PRICE", price), ("CURRENCY", user.currency),
              ("PROPERTIES", #"{"quantity":1,"channel":"\#(user.platform == "web" ? "web" : "app")"}"#)])
    }

    /// With `probability`, a purchase and a conversion event within three days of `time`.
    private mutating func convert(_ index: Int, after time: Int, probability: Double, context: Int, stem: String, random: inout SeededRandom) {
        guard random.chance(probability) else { return }
        let at = time + random.int(1800...(3 * 86_400))
        guard at < end else { return }
        purchase(index, at: at, product: random.pick(SyntheticCurrents.products), random: &random)
        emit(stem, time: at, user: index, context: context, [("CONVERSION_BEHAVIOR_INDEX", "0"),
                                                              ("CONVERSION_BEHAVIOR", #"{"type":"purchase","window_seconds":259200}"#)])
    }

    private mutating func deliverEmail(_ intent: Intent, _ random: inout SeededRandom) -> Bool {
        let user = users[intent.user]
        guard let address = user.email, !user.emailStopped else { return false }
        let pool = [("IP_POOL", "marketing"), ("ESP", "sendgrid"), ("FROM_DOMAIN", "mail.example.com")]
        emit("USERS_MESSAGES_EMAIL_SEND", time: intent.time, user: intent.user, context: intent.context,
             pool + [("EMAIL_ADDRESS", address), ("MESSAGE_EXTRAS", #"{"theme":"\#(contexts[intent.context].campaign?.key ?? "onboarding")"}"#)])
        let sendingIP = ("SENDING_IP", "192.0.2.\(10 + random.below(20))")
        if random.chance(0.012) {
            emit("USERS_MESSAGES_EMAIL_BOUNCE", time: intent.time + random.int(2...60), user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address), sendingIP, ("BOUNCE_REASON", "550 5.1.1 mailbox does not exist"), ("IS_DROP", "false")])
            users[intent.user].emailStopped = true
            return false
        }
        if random.chance(0.02) {
            emit("USERS_MESSAGES_EMAIL_SOFTBOUNCE", time: intent.time + random.int(2...60), user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address), sendingIP, ("BOUNCE_REASON", "452 4.2.2 mailbox full")])
            return false
        }
        let delivered = intent.time + random.int(2...90)
        guard delivered < end else { return false }
        emit("USERS_MESSAGES_EMAIL_DELIVERY", time: delivered, user: intent.user, context: intent.context,
             pool + [("EMAIL_ADDRESS", address), sendingIP])
        let agent = random.pick(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                                 "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1)"])
        if user.privacyProxy {
            emit("USERS_MESSAGES_EMAIL_OPEN", time: delivered + random.int(5...120), user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address), ("USER_AGENT", "Mozilla/5.0"), ("IP_POOL", "marketing"), ("MACHINE_OPEN", "true"), ("IS_AMP", "false")])
        }
        if random.chance(user.openRate) {
            let opened = delivered + random.int(300...(2 * 86_400))
            guard opened < end else { return true }
            emit("USERS_MESSAGES_EMAIL_OPEN", time: opened, user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address), ("USER_AGENT", agent), ("IP_POOL", "marketing"), ("IS_AMP", "false")])
            if random.chance(0.25) {
                let link = random.below(3)
                emit("USERS_MESSAGES_EMAIL_CLICK", time: opened + random.int(3...300), user: intent.user, context: intent.context,
                     [("EMAIL_ADDRESS", address), ("URL", "https://shop.example.com/l/\(link)"), ("USER_AGENT", agent),
                      ("LINK_ID", "link-\(link)"), ("LINK_ALIAS", ["hero", "cta", "footer"][link]), ("IS_AMP", "false")])
            }
        }
        if random.chance(0.004) {
            emit("USERS_MESSAGES_EMAIL_UNSUBSCRIBE", time: delivered + random.int(600...86_400), user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address)])
            users[intent.user].emailStopped = true
        } else if random.chance(0.0015) {
            emit("USERS_MESSAGES_EMAIL_MARKASSPAM", time: delivered + random.int(600...86_400), user: intent.user, context: intent.context,
                 [("EMAIL_ADDRESS", address), ("USER_AGENT", agent)])
            users[intent.user].emailStopped = true
        }
        return true
    }

    private mutating func deliverPush(_ intent: Intent, _ random: inout SeededRandom) -> Bool {
        let user = users[intent.user]
        guard let token = user.pushToken else { return false }
        emit("USERS_MESSAGES_PUSHNOTIFICATION_SEND", time: intent.time, user: intent.user, context: intent.context,
             [("PUSH_TOKEN", token), ("AD_TRACKING_ENABLED", "false"), ("MESSAGE_EXTRAS", "{}"), ("IS_SAMPLED", "false")])
        if random.chance(0.03) {
            emit("USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE", time: intent.time + random.int(1...30), user: intent.user, context: intent.context,
                 [("PUSH_TOKEN", token)])
            return false
        }
        if random.chance(0.07 * user.propensity) {
            emit("USERS_MESSAGES_PUSHNOTIFICATION_OPEN", time: intent.time + random.int(10...7200), user: intent.user, context: intent.context,
                 [("BUTTON_ACTION_TYPE", random.pick(["NONE", "DEEP_LINK", "URI"]))])
        } else if random.chance(0.04) {
            emit("USERS_MESSAGES_PUSHNOTIFICATION_INFLUENCEDOPEN", time: intent.time + random.int(600...14_400), user: intent.user, context: intent.context)
        }
        if user.platform == "ios" && random.chance(0.02) {
            emit("USERS_MESSAGES_PUSHNOTIFICATION_IOSFOREGROUND", time: intent.time + 1, user: intent.user, context: intent.context)
        }
        return true
    }

    private mutating func deliverSMS(_ intent: Intent, _ random: inout SeededRandom) -> Bool {
        guard let phone = users[intent.user].phone else { return false }
        let fields = [("TO_PHONE_NUMBER", phone), ("SUBSCRIPTION_GROUP_API_ID", "sms-group-transactional")]
        emit("USERS_MESSAGES_SMS_SEND", time: intent.time, user: intent.user, context: intent.context, fields)
        let outcome = random.weighted([("delivered", 0.94), ("failed", 0.04), ("rejected", 0.02)])
        let at = intent.time + random.int(1...20)
        switch outcome {
        case "delivered": emit("USERS_MESSAGES_SMS_DELIVERY", time: at, user: intent.user, context: intent.context, fields)
        case "failed": emit("USERS_MESSAGES_SMS_DELIVERYFAILURE", time: at, user: intent.user, context: intent.context, fields + [("ERROR", "unreachable destination")])
        default: emit("USERS_MESSAGES_SMS_REJECTION", time: at, user: intent.user, context: intent.context, fields + [("ERROR", "carrier rejected the message")])
        }
        return outcome == "delivered"
    }

    private mutating func deliverContentCard(_ intent: Intent, sessions: [Int], _ random: inout SeededRandom) -> Bool {
        let card = [("CONTENT_CARD_ID", (contexts[intent.context].sendID ?? "card") + "-card")]
        emit("USERS_MESSAGES_CONTENTCARD_SEND", time: intent.time, user: intent.user, context: intent.context, card)
        guard let seen = sessions.first(where: { $0 > intent.time }), random.chance(0.6) else { return true }
        emit("USERS_MESSAGES_CONTENTCARD_IMPRESSION", time: seen + 20, user: intent.user, context: intent.context, card)
        if random.chance(0.15) {
            emit("USERS_MESSAGES_CONTENTCARD_CLICK", time: seen + 40, user: intent.user, context: intent.context, card)
        } else if random.chance(0.25) {
            emit("USERS_MESSAGES_CONTENTCARD_DISMISS", time: seen + 45, user: intent.user, context: intent.context, card)
        }
        return true
    }
}

// MARK: Formatting

/// `value` with a fixed number of decimals (no exponent), e.g. `decimal(3.14159, places: 2)` → `3.14`.
func decimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard places > 0 else { return sign + String(scaled) }
    let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
}

/// `2024-01-01 15:00:00+00` for a UNIX time.
func timestampText(_ epoch: Int) -> String {
    let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
    let seconds = epoch - days * 86_400
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))+00"
}
