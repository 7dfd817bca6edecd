import Foundation
import Catalogue

/// What a proposal changes in the procedure, precisely enough to apply: the draft amendment and the
/// cost after the proposal both come from applying these edits to the procedure in force.
public enum Edit: Hashable, Sendable, Codable {
    /// Cut a dossier item (case index, item index).
    case removeItem(case: Int, item: Int)
    /// Ask a plain copy, shown with its original, instead of a certified copy.
    case plainCopy(case: Int, item: Int)
    /// One dossier set.
    case singleSet
    /// Drop a requirement with no legal basis.
    case removeRequirement(Int)
    /// Offer the procedure fully online.
    case fullyOnline
    /// Shorten every channel's time to this one where it is longer.
    case shortenTime(ProcessingTime)
    /// Shorten one channel's time to this one where it is longer.
    case shortenChannelTime(SubmissionMethod, ProcessingTime)

    /// Applies edits together (indices refer to the procedure as given, whatever the order).
    public static func apply(_ edits: [Edit], to procedure: Procedure) -> Procedure {
        var p = procedure
        let removed = Set(edits.compactMap { e -> [Int]? in
            if case .removeItem(let c, let i) = e { return [c, i] } else { return nil }
        })
        let plain = Set(edits.compactMap { e -> [Int]? in
            if case .plainCopy(let c, let i) = e { return [c, i] } else { return nil }
        })
        if !removed.isEmpty || !plain.isEmpty {
            p.dossier.cases = procedure.dossier.cases.enumerated().map { c, dossierCase in
                var out = dossierCase
                out.items = dossierCase.items.enumerated().compactMap { i, item in
                    if removed.contains([c, i]) { return nil }
                    return plain.contains([c, i]) ? Self.plainCopy(of: item) : item
                }
                return out
            }
        }
        let requirements = Set(edits.compactMap { e -> Int? in
            if case .removeRequirement(let i) = e { return i } else { return nil }
        })
        if !requirements.isEmpty {
            p.requirements = procedure.requirements.enumerated().filter { !requirements.contains($0.offset) }.map(\.element)
        }
        for edit in edits {
            switch edit {
            case .singleSet: p.dossier.sets = 1
            case .fullyOnline: p = Self.fullyOnline(p)
            case .shortenTime(let time):
                for i in p.channels.indices where TimeOrder.isLonger(p.channels[i].time, than: time) {
                    p.channels[i].time = time
                }
            case .shortenChannelTime(let method, let time):
                for i in p.channels.indices where p.channels[i].method == method && TimeOrder.isLonger(p.channels[i].time, than: time) {
                    p.channels[i].time = time
                }
            default: break
            }
        }
        return p
    }

    /// "Bản sao có chứng thực Giấy khai sinh" → "Bản sao Giấy khai sinh", with the original shown.
    static func plainCopy(of item: DossierItem) -> DossierItem {
        var out = item
        var name = item.name
        for phrase in ["bản sao có chứng thực", "bản sao được chứng thực", "bản sao chứng thực"] {
            if let r = name.range(of: phrase, options: [.caseInsensitive]) {
                let capital = r.lowerBound == name.startIndex
                name.replaceSubrange(r, with: capital ? "Bản sao" : "bản sao")
                break
            }
        }
        out.name = name
        let note = "Xuất trình bản chính để đối chiếu"
        out.note = item.note.map { $0.contains(note) ? $0 : "\($0); \(note)" } ?? note
        return out
    }

    /// Every channel kept, an online one added when missing (same time and fees as in person), and
    /// the online level raised to toàn trình.
    static func fullyOnline(_ procedure: Procedure) -> Procedure {
        var p = procedure
        if p.channel(.online) == nil, let base = p.channel(.inPerson) ?? p.channels.first {
            p.channels.append(Channel(method: .online, time: base.time, fees: base.fees))
            p.channels.sort { $0.method < $1.method }
        }
        var online = p.online ?? OnlineService(level: .full)
        online.level = .full
        p.online = online
        return p
    }
}
