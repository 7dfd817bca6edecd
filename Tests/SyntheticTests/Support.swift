import Catalogue
import Foundation
import Synthetic

/// One mid-sized catalogue shared by the suites (globals are initialised once, thread-safely):
/// 2,000 procedures in two provinces, the size the brief asks replay to be checked at.
let medium = SyntheticCatalogue.generate(SyntheticCatalogue.Options(procedures: 2000, provinces: 2, seed: 42))

/// Its replay, one per province.
let mediumReplays: [Replay.Result] = medium.map { replay($0.decisions) }

func replay(_ decisions: [Decision]) -> Replay.Result {
    Replay.run(decisions.enumerated().map { i, d in
        SourcedDecision(decision: d, location: SourceLocation(file: "decisions/\(i).json", line: 1, column: 1))
    })
}

func json(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(value)
}

extension Decision {
    var isFutureDated: Bool { effectiveDate == SyntheticCatalogue.Timeline.futureDecisionEffective }
}

extension Procedure {
    /// Every piece of free text, for cleanliness and variety checks.
    var texts: [String] {
        var out = [name] + subjects + keywords + results.map(\.name) + forms.map(\.name)
        out += forms.compactMap(\.source) + forms.compactMap(\.file)
        for group in steps {
            out += [group.caseName].compactMap { $0 } + group.steps.flatMap { [$0.title].compactMap { $0 } + [$0.text] }
        }
        for c in dossier.cases {
            out += [c.name].compactMap { $0 } + c.items.flatMap { [$0.name] + [$0.note, $0.form].compactMap { $0 } }
        }
        for channel in channels {
            out += [channel.description, channel.time.text].compactMap { $0 } + channel.time.stages.map(\.name)
            out += channel.fees.flatMap { [$0.text, $0.description].compactMap { $0 } + $0.exemptions }
        }
        out += agencies.map(\.name) + requirements.flatMap { [$0.text] + [$0.basis].compactMap { $0 } }
        out += legalBases.flatMap { [$0.number] + [$0.title, $0.article].compactMap { $0 } }
        out += reception.compactMap(\.name) + [notes, online?.url].compactMap { $0 }
        return out
    }

    /// Every code, which must hold no white space.
    var codes: [String] {
        [code?.rawValue].compactMap { $0 } + fields.compactMap(\.code) + forms.compactMap(\.code)
            + dossier.allItems.compactMap(\.code) + results.compactMap(\.code) + (online?.codes ?? [])
            + reception.flatMap(\.communes)
    }
}

extension Decision {
    var texts: [String] {
        var out = [number, authority, title] + [place, parentDecision, signer?.name, signer?.title, signer?.onBehalfOf].compactMap { $0 }
        out += legalBases.flatMap { [$0.number] + [$0.title, $0.article].compactMap { $0 } }
        for item in items {
            out += [item.name, item.basis, item.field?.name].compactMap { $0 } + (item.procedure?.texts ?? [])
        }
        return out
    }

    var codes: [String] {
        items.flatMap { [$0.code?.rawValue, $0.field?.code].compactMap { $0 } + $0.replaces.map(\.rawValue) + ($0.procedure?.codes ?? []) }
    }
}
