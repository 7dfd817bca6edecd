import Mustache

/// One render of a compiled template: the context stack and the output bytes. Each rule follows
/// swift-mustache 2.1's `Template+Render.swift`, cited where the meaning is not obvious.
struct TemplateRenderer {
    let entries: [CompiledTemplates.Entry]
    var stack: [TemplateValue]
    var out: [UInt8] = []

    /// `capacity`: the bytes the output is expected to take (at least 4 KiB are reserved).
    init(entries: [CompiledTemplates.Entry], root: TemplateValue, capacity: Int = 0) {
        self.entries = entries
        stack = [root]
        stack.reserveCapacity(8)
        out.reserveCapacity(max(4096, capacity))
    }

    /// Renders nodes as one call of the library's `render(context:)`: with an indentation (inside
    /// a standalone partial tag that had some), a node's output that starts a line of this call's
    /// output gets the indentation in front.
    mutating func render(_ nodes: ContiguousArray<TemplateNode>, indentation: [UInt8]?) {
        guard let indentation, !indentation.isEmpty else {
            for i in nodes.indices { render(nodes[i], indentation: indentation) }
            return
        }
        let start = out.count
        for i in nodes.indices {
            let at = out.count
            // The library asks `string.last == "\n"` of what this call printed so far: a line feed
            // not preceded by a carriage return (CR LF is one `Character`).
            let lineStart = at > start && out[at - 1] == 0x0A && !(at - 2 >= start && out[at - 2] == 0x0D)
            render(nodes[i], indentation: indentation)
            if lineStart && out.count > at { out.insert(contentsOf: indentation, at: at) }
        }
    }

    mutating func render(_ node: TemplateNode, indentation: [UInt8]?) {
        switch node.kind {
        case .text:
            out.append(contentsOf: node.bytes)
        case .variable:
            guard let value = lookup(node.name) else { return }
            switch value {
            case .text(let text): append(text, node)
            case .absent: append("", node)
            case .bool(let bool): append(bool ? "true" : "false", node)
            case .int(let int): append(String(int), node)
            // The library prints a view or a list through `String(describing:)`.
            case .list, .view: append(String(describing: value.libraryValue), node)
            }
        case .unescaped:
            guard let value = lookup(node.name) else { return }
            switch value {
            case .text(let text): out.append(contentsOf: text.utf8)
            case .absent: break
            case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
            case .int(let int): out.append(contentsOf: String(int).utf8)
            case .list, .view: out.append(contentsOf: String(describing: value.libraryValue).utf8)
            }
        case .section:
            // `renderSection`: a sequence repeats (pushing each element), a Bool renders or not without
            // pushing, a null renderable (absent) renders nothing, any other value is pushed.
            guard let value = lookup(node.name) else { return }
            switch value {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(node.children, indentation: indentation)
                    stack.removeLast()
                }
            case .bool(let bool):
                if bool { render(node.children, indentation: indentation) }
            case .absent:
                break
            case .text, .int, .view:
                stack.append(value)
                render(node.children, indentation: indentation)
                stack.removeLast()
            }
        case .inverted:
            // `renderInvertedSection`: an empty sequence renders with itself pushed.
            guard let value = lookup(node.name) else { return render(node.children, indentation: indentation) }
            switch value {
            case .list(let items):
                if items.isEmpty {
                    stack.append(value)
                    render(node.children, indentation: indentation)
                    stack.removeLast()
                }
            case .bool(let bool):
                if !bool { render(node.children, indentation: indentation) }
            case .absent:
                render(node.children, indentation: indentation)
            case .text, .int, .view:
                break
            }
        case .partial:
            guard let index = node.partial, case .compiled(let nodes) = entries[index] else { return }
            // `withPartial`: the indentation adds up; the content type starts over (compiled in).
            if node.hasIndentation {
                render(nodes, indentation: (indentation ?? []) + node.bytes)
            } else {
                render(nodes, indentation: indentation)
            }
        }
    }

    /// `getChild`: the first part climbs the stack (or reads its top only, for a name starting with
    /// "."), the following parts read down from what it found. Only views have named values: the
    /// library finds none in strings, numbers, booleans, lists or absent names either.
    func lookup(_ name: TemplateName) -> TemplateValue? {
        let parts = name.parts
        guard let first = parts.first else { return stack.last }
        let hash = name.hashes[0]
        var value: TemplateValue
        if name.fromTop {
            guard case .view(let object) = stack[stack.count - 1], let found = object[first, hash] else { return nil }
            value = found
        } else {
            var found: TemplateValue?
            var i = stack.count - 1
            while i >= 0 {
                if case .view(let object) = stack[i], let child = object[first, hash] {
                    found = child
                    break
                }
                i -= 1
            }
            guard let found else { return nil }
            value = found
        }
        var p = 1
        while p < parts.count {
            guard case .view(let object) = value, let child = object[parts[p], name.hashes[p]] else { return nil }
            value = child
            p += 1
        }
        return value
    }

    /// A value's text, escaped as the variable node says.
    mutating func append(_ text: String, _ node: TemplateNode) {
        switch node.escaper {
        case .markup: appendEscaped(text)
        case .characters: appendCharacterEscaped(text)
        case .custom(let contentType): out.append(contentsOf: contentType.escapeText(text).utf8)
        }
    }

    /// `& < > " '` as entities, on bytes.
    mutating func appendEscaped(_ text: String) { MarkupBytes.appendEscaped(text, to: &out) }

    /// The library's `htmlEscape`, per `Character`; text without any of the five bytes is copied.
    mutating func appendCharacterEscaped(_ text: String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out.append(contentsOf: text.utf8)
            return
        }
        for c in text {
            switch c {
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            default: out.append(contentsOf: c.utf8)
            }
        }
    }
}
