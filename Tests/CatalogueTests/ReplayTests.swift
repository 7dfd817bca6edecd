import Catalogue
import Testing

@Suite("Replay into the catalogue in force")
struct ReplayTests {
    let base = decision("100/QĐ-UBND", signed: "2025-07-01", [
        new(procedure("1.001193", "Đăng ký khai sinh", days: 1)),
        new(procedure("1.000894", "Đăng ký kết hôn", days: 5)),
        new(procedure("1.004222", "Đăng ký thường trú", days: 7, fee: 20000)),
    ])

    @Test func newProceduresAreInForceFromTheEffectiveDate() {
        let result = replay([base])
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalogue.state(at: date("2025-06-30")).count == 0)
        let state = result.catalogue.state(at: date("2025-07-01"))
        #expect(state.entries.map(\.key) == ["1.000894", "1.001193", "1.004222"])
    }

    @Test func newWithACodeAlreadyInForceIsAnErrorNamingFileLineAndCode() throws {
        let again = decision("200/QĐ-UBND", signed: "2025-09-01", [new(procedure("1.001193", "Đăng ký khai sinh"))])
        let result = replay([base, again])
        let error = try #require(result.diagnostics.errors.first)
        #expect(result.diagnostics.errors.count == 1)
        #expect(error.code == "1.001193")
        #expect(error.location == SourceLocation(file: "decisions/200-QĐ-UBND.xml", line: 10, column: 5))
        #expect(error.message.contains("already in force"))
        #expect(error.message.contains("200/QĐ-UBND"))
    }

    @Test(arguments: [DecisionItem.Action.amended, .abolished, .replaced])
    func actingOnACodeNotInForceIsAnError(action: DecisionItem.Action) throws {
        let item = switch action {
        case .amended: amend(procedure("1.999999", "Không có"), parts: [.name])
        case .replaced: replace(["1.999999"], with: procedure("1.888888", "Thay thế"))
        default: abolish("1.999999")
        }
        let d = decision("300/QĐ-UBND", signed: "2025-09-01", [item])
        let result = replay([base, d])
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.contains("1.999999"))
        #expect(error.message.contains("not in force"))
        #expect(error.location?.line == 10)
    }

    @Test func twoDecisionsWithTheSameNumberAreAnError() throws {
        let copy = decision("100/QĐ-UBND", signed: "2025-08-01", [new(procedure("2.000908", "Cấp bản sao từ sổ gốc"))])
        let result = Replay.run([sourced(base, file: "a.xml"), sourced(copy, file: "b.json")])
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.location?.file == "b.json")
        #expect(error.message.contains("a.xml"))
        #expect(error.message.contains("100/QĐ-UBND"))
    }

    /// Decisions are checked on every core at once: what each reports, and the order, must be what
    /// checking them one after another in file order gives.
    @Test func checksOfManyDecisionsComeInTheOrderOfTheirFilesWhateverOrderTheyAreGiven() {
        let decisions = (0..<40).map { n in
            sourced(
                decision("\(500 + n)/QĐ-UBND", signed: "2025-09-01", [new(procedure("2.000\(100 + n)", "Mới")), abolish("1.000894", effective: "2025-08-15")]),
                file: "decisions/\(String(format: "%03d", n)).xml")
        }
        let result = Replay.run(decisions.reversed())
        #expect(result.diagnostics.map(\.location?.file) == decisions.map(\.location.file))
        #expect(result.diagnostics.map(\.location?.line) == Array(repeating: 20, count: 40))
        for (n, d) in result.diagnostics.enumerated() {
            #expect(d.severity == .error)
            #expect(d.message == "decision \(500 + n)/QĐ-UBND: item 2 (1.000894) takes effect on 2025-08-15, before the decision is signed on 2025-09-01")
        }
        #expect(DecisionChecks.check(all: decisions).map { $0.map(\.message) } == decisions.map { DecisionChecks.check($0).map(\.message) })
    }

    @Test func anItemEffectiveBeforeItsDecisionIsSignedIsAnError() throws {
        let d = decision("400/QĐ-UBND", signed: "2025-09-01", [abolish("1.000894", effective: "2025-08-15")])
        let result = replay([base, d])
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.code == "1.000894")
        #expect(error.location?.line == 10)
        #expect(error.message.contains("before the decision is signed"))
        // Never applied: the procedure is still in force.
        #expect(result.catalogue.state(at: date("2025-12-31")).entries.contains { $0.key == "1.000894" })
    }

    @Test func aDecisionEffectiveBeforeItsSignatureIsAnError() {
        let d = decision("401/QĐ-UBND", signed: "2025-09-01", effective: "2025-08-01", [abolish("1.000894")])
        #expect(replay([base, d]).diagnostics.errors.count == 1)
    }

    @Test func aFutureDecisionChangesNothingBeforeItsDate() {
        let cut = decision("500/QĐ-UBND", signed: "2026-09-01", effective: "2027-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 20000), parts: [.processingTime]),
        ])
        let result = replay([base, cut])
        #expect(result.diagnostics.isEmpty)
        let before = result.catalogue.state(at: date("2026-12-31"))
        let after = result.catalogue.state(at: date("2027-01-01"))
        let key = "1.004222"
        #expect(before.entries.first { $0.key == key }?.procedure.channels[0].time.value == 7)
        #expect(after.entries.first { $0.key == key }?.procedure.channels[0].time.value == 5)
        #expect(after.entries.first { $0.key == key }?.version.partSources[.processingTime] == "500/QĐ-UBND")
        #expect(after.entries.first { $0.key == key }?.version.partSources[.fees] == "100/QĐ-UBND")
    }

    @Test func aPerItemDateOverridesTheDecisionDate() {
        let d = decision("600/QĐ-UBND", signed: "2026-03-01", [
            abolish("1.000894", effective: "2027-01-01"),
            abolish("1.001193"),
        ])
        let result = replay([base, d])
        #expect(result.diagnostics.isEmpty)
        let mid = result.catalogue.state(at: date("2026-06-01")).entries.map(\.key)
        #expect(mid == ["1.000894", "1.004222"])
        let late = result.catalogue.state(at: date("2027-01-01")).entries.map(\.key)
        #expect(late == ["1.004222"])
    }

    @Test func replacedCodesPointToTheirSuccessorAndAbolishedStayInHistory() throws {
        let group = decision("700/QĐ-UBND", signed: "2026-01-10", [
            replace(["1.001193", "1.004222"], with: procedure("1.013999", "Liên thông đăng ký khai sinh, thường trú")),
            abolish("1.000894"),
        ])
        let result = replay([base, group])
        #expect(result.diagnostics.isEmpty)
        let c = result.catalogue
        let old = try #require(c.history(for: "1.001193")?.latest)
        #expect(old.end == .replaced(by: ["1.013999"], decision: "700/QĐ-UBND"))
        #expect(old.until == date("2026-01-10"))
        #expect(c.history(for: "1.013999")?.replaces == ["1.001193", "1.004222"])
        let gone = try #require(c.history(for: "1.000894"))
        #expect(gone.versions.count == 1)
        #expect(gone.latest?.end == .abolished(decision: "700/QĐ-UBND"))
        #expect(c.state(at: date("2026-01-10")).entries.map(\.key) == ["1.013999"])
        #expect(c.state(at: date("2026-01-09")).count == 3)
    }

    @Test func aLocalCopyCodeFindsTheNationalProcedure() {
        let d = decision("800/QĐ-UBND", signed: "2026-02-01", [abolish("1.000894.000.00.00.H99")])
        let result = replay([base, d])
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalogue.state(at: date("2026-02-01")).count == 2)
    }

    @Test func amendingKeepsEveryVersionAndWhichDecisionSetEachPart() throws {
        let d1 = decision("900/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 7, fee: 10000), parts: [.fees]),
        ])
        let d2 = decision("901/QĐ-UBND", signed: "2026-06-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 10000), parts: [.processingTime]),
        ])
        let result = replay([d2, base, d1])
        #expect(result.diagnostics.isEmpty)
        let history = try #require(result.catalogue.history(for: "1.004222"))
        #expect(history.versions.map(\.decision) == ["100/QĐ-UBND", "900/QĐ-UBND", "901/QĐ-UBND"])
        #expect(history.versions.map(\.until) == [date("2026-01-01"), date("2026-06-01"), nil])
        let last = try #require(history.latest)
        #expect(last.partSources[.fees] == "900/QĐ-UBND")
        #expect(last.partSources[.processingTime] == "901/QĐ-UBND")
        #expect(last.partSources[.name] == "100/QĐ-UBND")
    }

    @Test func anAmendmentOnTheDayAnotherStartsReplacesItAndTheEarlierVersionEndsThatDay() throws {
        let d1 = decision("900/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 7, fee: 10000), parts: [.fees]),
        ])
        let d2 = decision("901/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 10000), parts: [.processingTime]),
        ])
        let result = replay([d2, base, d1])
        #expect(result.diagnostics.isEmpty)
        let history = try #require(result.catalogue.history(for: "1.004222"))
        #expect(history.versions.map(\.decision) == ["100/QĐ-UBND", "901/QĐ-UBND"])
        #expect(history.versions.map(\.until) == [date("2026-01-01"), nil])
        #expect(history.versions.map(\.end) == [.amended(decision: "900/QĐ-UBND"), nil])
        let last = try #require(history.latest)
        #expect(last.procedure.channels[0].time.value == 5)
        #expect(last.partSources[.fees] == "900/QĐ-UBND")
        #expect(last.partSources[.processingTime] == "901/QĐ-UBND")
        #expect(last.partSources[.name] == "100/QĐ-UBND")
        // The decision still holds its rows as written: the versions were changed, not the rows.
        #expect(result.catalogue.decisions["900/QĐ-UBND"]?.items[0].procedure?.channels[0].time.value == 7)
    }

    @Test(arguments: [DecisionItem.Action.new, .replaced])
    func aCodeNamedOnTheRowFillsContentWithoutOne(action: DecisionItem.Action) throws {
        let content = procedure(nil, "Thủ tục có mã ở dòng")
        let row = DecisionItem(
            action: action, code: ProcedureCode("2.000777"), replaces: action == .replaced ? [ProcedureCode("1.000894")] : [],
            procedure: content)
        let result = replay([base, decision("960/QĐ-UBND", signed: "2026-01-01", [row])])
        #expect(result.diagnostics.isEmpty)
        let history = try #require(result.catalogue.histories["960/QĐ-UBND#1"])
        #expect(history.versions.map(\.procedure.code) == [ProcedureCode("2.000777")])
        #expect(history.replaces == (action == .replaced ? ["1.000894"] : []))
        #expect(result.catalogue.decisions["960/QĐ-UBND"]?.items[0].procedure?.code == nil)
        if action == .replaced {
            let old = try #require(result.catalogue.histories["1.000894"]?.latest)
            #expect(old.until == date("2026-01-01"))
            #expect(old.end == .replaced(by: ["960/QĐ-UBND#1"], decision: "960/QĐ-UBND"))
        }
    }

    @Test func theResultDoesNotDependOnFileOrderOrNames() {
        let d1 = decision("900/QĐ-UBND", signed: "2026-01-01", [abolish("1.000894")])
        let d2 = decision("901/QĐ-UBND", signed: "2026-01-01", [new(procedure("1.000894", "Đăng ký kết hôn", days: 3))])
        let a = Replay.run([sourced(base, file: "z.xml"), sourced(d1, file: "a.xml"), sourced(d2, file: "m.xml")])
        let b = Replay.run([sourced(d2, file: "1.json"), sourced(d1, file: "2.json"), sourced(base, file: "0.json")])
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty)
        #expect(a.catalogue.histories.mapValues(\.versions.count) == b.catalogue.histories.mapValues(\.versions.count))
        let keysA = a.catalogue.state(at: date("2026-02-01")).procedures
        let keysB = b.catalogue.state(at: date("2026-02-01")).procedures
        #expect(keysA == keysB)
        #expect(keysA.first { $0.code?.rawValue == "1.000894" }?.channels[0].time.value == 3)
    }

    @Test func aNewProcedureWithoutCodeGetsAProvisionalKey() {
        let d = decision("950/QĐ-UBND", signed: "2026-01-01", [new(procedure(nil, "Thủ tục mới chưa có mã"))])
        let result = replay([base, d])
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalogue.histories["950/QĐ-UBND#1"] != nil)
    }

    @Test func structuralProblemsOfARowAreReported() {
        let d = decision("960/QĐ-UBND", signed: "2026-01-01", [
            DecisionItem(action: .new),
            DecisionItem(action: .abolished),
            DecisionItem(action: .replaced, procedure: procedure("1.777777", "X")),
        ])
        let errors = replay([base, d]).diagnostics.errors
        #expect(errors.count == 3)
        #expect(errors.map { $0.location?.line } == [10, 20, 30])
    }
}

@Suite("Declared changed parts of amendments")
struct ChangedPartsDeclarationTests {
    let base = decision("100/QĐ-UBND", signed: "2025-07-01", [new(procedure("1.004222", "Đăng ký thường trú", days: 7, fee: 20000))])

    @Test func anHonestDeclarationGivesNoWarning() {
        let d = decision("200/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 20000), parts: [.processingTime]),
        ])
        #expect(replay([base, d]).diagnostics.isEmpty)
    }

    @Test func aDeclaredPartThatDidNotChangeIsAWarning() throws {
        let d = decision("200/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 20000), parts: [.processingTime, .fees]),
        ])
        let warnings = replay([base, d]).diagnostics
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.severity == .warning)
        #expect(w.message.contains("declaring fees changed"))
        #expect(w.location?.line == 10)
    }

    @Test func aChangedPartThatIsNotDeclaredIsAWarning() throws {
        let d = decision("200/QĐ-UBND", signed: "2026-01-01", [
            amend(procedure("1.004222", "Đăng ký thường trú", days: 5, fee: 10000), parts: [.processingTime]),
        ])
        let warnings = replay([base, d]).diagnostics
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("changes fees without declaring it") == true)
    }
}
