import Catalogue
import Foundation
import Testing

@testable import Formats

/// The three descriptions of the format — the model's `Codable`, the reader's key table and the JSON
/// Schema — say the same thing, and real files agree with them.
@Suite("JSON format: schema and key table")
struct JSONSchemaTests {
    typealias S = JSONTestSupport

    @Test("Schemas/tthc.schema.json is the schema built from the key table (TTHC_UPDATE_SCHEMA=1 rewrites it)")
    func schemaFileIsCurrent() throws {
        let generated = JSONSchema.text
        if ProcessInfo.processInfo.environment["TTHC_UPDATE_SCHEMA"] == "1" {
            try generated.write(to: S.schema, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: S.schema, encoding: .utf8)
        #expect(onDisk == generated, "the schema file is out of date: run TTHC_UPDATE_SCHEMA=1 swift test --filter JSONSchemaTests")
    }

    @Test("the key table lists every key the model writes for a decision with every part, and no other")
    func tableMatchesModel() throws {
        // Keys written for the full decision, by table object name.
        var written: [String: Set<String>] = [:]
        func walk(_ value: Any, _ shape: JSONShape) {
            if let object = value as? [String: Any], shape.kind == .object {
                written[shape.name!, default: []].formUnion(object.keys)
                for (key, child) in object {
                    guard let property = shape.property(named: key) else {
                        Issue.record("the model writes '\(key)' in \(shape.name!), which the table does not know")
                        continue
                    }
                    walk(child, property.shape)
                }
            } else if let array = value as? [Any], shape.kind == .array {
                for child in array { walk(child, shape.element!) }
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(JSONFormat.write(S.fullDecision).utf8)), JSONShape.root)
        walk(try JSONSerialization.jsonObject(with: Data(JSONFormat.write(S.fullProcedure).utf8)), JSONShape.root)

        var tableObjects: [String: JSONShape] = [:]
        func collect(_ shape: JSONShape) {
            if shape.kind == .object { tableObjects[shape.name!] = shape }
            shape.properties.forEach { collect($0.shape) }
            shape.element.map(collect)
        }
        collect(JSONShape.root)
        for (name, shape) in tableObjects where name != "Root" {
            let expected = Set(shape.properties.map(\.name))
            #expect(written[name] == expected, "\(name): the full decision writes \(written[name]?.sorted() ?? []), the table has \(expected.sorted())")
        }
    }

    @Test("required keys in the table are exactly the keys the model cannot do without")
    func requiredKeys() throws {
        // Drop each key of a full object in turn: decoding must fail exactly for the required ones.
        let samples: [(JSONShape, String)] = [
            (JSONShape.decision, JSONWriter.write(S.fullDecision)),
            (JSONShape.procedure, JSONWriter.write(S.fullProcedure)),
            (JSONShape.decisionItem, JSONWriter.write(S.fullDecision.items[0])),
            (JSONShape.dossierItem, JSONWriter.write(S.fullProcedure.dossier.cases[0].items[0])),
            (JSONShape.channel, JSONWriter.write(S.fullProcedure.channels[0])),
            (JSONShape.fee, JSONWriter.write(S.fullProcedure.channels[0].fees[0])),
            (JSONShape.processingTime, JSONWriter.write(S.fullProcedure.channels[0].time)),
            (JSONShape.stage, JSONWriter.write(S.fullProcedure.channels[0].time.stages[0])),
            (JSONShape.reception, JSONWriter.write(S.fullProcedure.reception[0])),
            (JSONShape.stepGroup, JSONWriter.write(S.fullProcedure.steps[0])),
            (JSONShape.step, JSONWriter.write(S.fullProcedure.steps[0].steps[0])),
            (JSONShape.agency, JSONWriter.write(S.fullProcedure.agencies[0])),
            (JSONShape.outcome, JSONWriter.write(S.fullProcedure.results[0])),
            (JSONShape.form, JSONWriter.write(S.fullProcedure.forms[0])),
            (JSONShape.requirement, JSONWriter.write(S.fullProcedure.requirements[0])),
            (JSONShape.legalBasis, JSONWriter.write(S.fullProcedure.legalBases[0])),
            (JSONShape.onlineService, JSONWriter.write(S.fullProcedure.online!)),
            (JSONShape.field, JSONWriter.write(S.fullProcedure.fields[0])),
            (JSONShape.signer, JSONWriter.write(S.fullDecision.signer!)),
            (JSONShape.dossier, JSONWriter.write(S.fullProcedure.dossier)),
            (JSONShape.dossierCase, JSONWriter.write(S.fullProcedure.dossier.cases[0])),
        ]
        let types: [String: any Decodable.Type] = [
            "Decision": Decision.self, "Procedure": Procedure.self, "DecisionItem": DecisionItem.self,
            "DossierItem": DossierItem.self, "Channel": Channel.self, "Fee": Fee.self,
            "ProcessingTime": ProcessingTime.self, "Stage": ProcessingTime.Stage.self, "Reception": Reception.self,
            "StepGroup": StepGroup.self, "Step": Step.self, "Agency": Agency.self, "Outcome": Outcome.self,
            "Form": Form.self, "Requirement": Requirement.self, "LegalBasis": LegalBasis.self,
            "OnlineService": OnlineService.self, "Field": Field.self, "Signer": Decision.Signer.self,
            "Dossier": Dossier.self, "DossierCase": DossierCase.self,
        ]
        for (shape, json) in samples {
            let type = try #require(types[shape.name!])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            for property in shape.properties {
                var without = object
                without[property.name] = nil
                let data = try JSONSerialization.data(withJSONObject: without)
                let decodes = (try? JSONDecoder().decode(type, from: data)) != nil
                #expect(decodes != property.required, "\(shape.name!).\(property.name): required in the table is \(property.required), but the model \(decodes ? "decodes" : "fails") without it")
            }
        }
        #expect(samples.count == types.count)
    }

    @Test("enum values in the table are the model's raw values")
    func enumerations() {
        func values(_ shape: JSONShape) -> [String]? {
            if case .enumeration(_, let v) = shape.kind { return v }
            return shape.element.flatMap(values)
        }
        let expectations: [(JSONShape.Property?, [String])] = [
            (JSONShape.channel.property(named: "method"), SubmissionMethod.allCases.map(\.rawValue)),
            (JSONShape.processingTime.property(named: "unit"), TimeUnit.allCases.map(\.rawValue)),
            (JSONShape.procedure.property(named: "levels"), Level.allCases.map(\.rawValue)),
            (JSONShape.procedure.property(named: "type"), ProcedureType.allCases.map(\.rawValue)),
            (JSONShape.decisionItem.property(named: "changedParts"), Part.allCases.map(\.rawValue)),
            (JSONShape.decisionItem.property(named: "action"), DecisionItem.Action.allCases.map(\.rawValue)),
        ]
        for (property, expected) in expectations {
            #expect(property.flatMap { values($0.shape) } == expected)
        }
        #expect(TimeUnit.allCases.map(\.rawValue) == ["working-days", "days", "hours", "months", "same-day"])
    }

    // MARK: - Validation with the jsonschema package

    /// Files that must be valid: the sample catalogue's JSON decisions and our valid fixtures.
    static func validFiles() -> [URL] {
        let fm = FileManager.default
        var files: [URL] = []
        for root in [S.repository.appendingPathComponent("catalogue/decisions"), S.fixtures.appendingPathComponent("valid")] {
            guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "json" {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func invalidFiles() -> [URL] {
        let dir = S.fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Runs the jsonschema package on files; returns, per file, nil when valid or the first error.
    /// Records a failure and returns nil when the package is missing.
    static func validate(_ files: [URL]) throws -> [String: String?]? {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("MISSING-JSONSCHEMA")
                sys.exit(3)
            with open(sys.argv[1], encoding="utf-8") as f:
                schema = json.load(f)
            validator_class = jsonschema.validators.validator_for(schema)
            validator_class.check_schema(schema)
            validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
            for path in sys.argv[2:]:
                with open(path, encoding="utf-8") as f:
                    instance = json.load(f)
                errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
                if errors:
                    e = errors[0]
                    print("INVALID\\t" + path + "\\t" + "/".join(map(str, e.absolute_path)) + ": " + e.message.replace("\\n", " "))
                else:
                    print("VALID\\t" + path)
            """
        // The python3 first on PATH (pyenv, a venv) may lack the package that Debian's
        // python3-jsonschema installs for /usr/bin/python3, or the other way round: try both.
        var run: (text: String, status: Int32)?
        for interpreter in [["/usr/bin/env", "python3"], ["/usr/bin/python3"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: interpreter[0])
            process.arguments = Array(interpreter.dropFirst()) + ["-c", script, S.schema.path] + files.map(\.path)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            guard (try? process.run()) != nil else { continue }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            if text.contains("MISSING-JSONSCHEMA") || process.terminationStatus == 127 { continue }
            run = (text, process.terminationStatus)
            break
        }
        guard let (text, status) = run else {
            Issue.record("the Python package jsonschema is missing: install it with `pip install jsonschema` (or `apt-get install python3-jsonschema`, as scripts/install-deps does)")
            return nil
        }
        #expect(status == 0, "python3 failed: \(text)")
        var results: [String: String?] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            if parts.first == "VALID", parts.count == 2 { results[parts[1]] = .some(nil) }
            if parts.first == "INVALID", parts.count == 3 { results[parts[1]] = .some(parts[2]) }
        }
        return results
    }

    @Test("the sample catalogue's JSON files and the valid fixtures pass the schema and the reader")
    func validFilesPass() throws {
        let files = Self.validFiles()
        #expect(files.count >= 3, "the valid fixtures are missing")
        guard let results = try Self.validate(files) else { return }
        #expect(results.count == files.count)
        for file in files {
            let result = results[file.path]
            #expect(result != nil, "the schema check did not report \(file.path)")
            if let error = result ?? nil { Issue.record("\(file.path) fails the schema: \(error)") }
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(throws: Never.self) { _ = try JSONFormat.read(bytes, file: file.path) }
        }
    }

    @Test("the invalid fixtures fail both the schema and the reader")
    func invalidFilesFail() throws {
        let files = Self.invalidFiles()
        #expect(files.count >= 8, "the invalid fixtures are missing")
        guard let results = try Self.validate(files) else { return }
        for file in files {
            let result = results[file.path]
            #expect(result != nil, "the schema check did not report \(file.path)")
            #expect((result ?? nil) != nil, "\(file.lastPathComponent) passes the schema but should not")
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(throws: FormatError.self, "\(file.lastPathComponent) is read without error") {
                _ = try JSONFormat.read(bytes, file: file.lastPathComponent)
            }
        }
    }
}
