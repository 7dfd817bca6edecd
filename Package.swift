// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "tthc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tthc", targets: ["tthc"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
        .library(name: "Formats", targets: ["Formats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libxml2 (Debian: libxml2-dev) for XML parsing and XSD validation.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libqrencode (Debian: libqrencode-dev) for the QR codes on procedure pages and sheets.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "QRCode", dependencies: ["CQRencode"], swiftSettings: strict),
        // Cairo and Pango (Debian: libcairo2-dev, libpango1.0-dev) for the posting sheets' PDFs.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // zlib's level for Cairo's PDF streams (Sources/CPDFDeflate/deflate_level.c says why).
        .target(name: "CPDFDeflate", linkerSettings: [.linkedLibrary("z")]),
        // Posting sheets for the one-stop counter: block layout and pagination (pure), PDF through
        // Cairo and Pango, HTML through Mustache.
        .target(
            name: "Sheets",
            dependencies: [
                "Catalogue", "Review", "QRCode", "CPangoCairo", "CPDFDeflate", "TemplateView",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Links to site/templates/sheet.mustache and site/assets/sheet.css, compiled into the
            // binary so an installed tthc needs no site folder to write HTML sheets.
            resources: [.embedInCode("Site/sheet.mustache"), .embedInCode("Site/sheet.css")],
            swiftSettings: strict
        ),
        // The pure core: model, Vietnamese text, replay. No file I/O, no C.
        .target(name: "Catalogue", swiftSettings: strict),
        // Bytes in, model out: XML (libxml2 + XSD) and JSON codecs, file loading.
        .target(
            name: "Formats",
            dependencies: ["Catalogue", "CLibXML2"],
            // The XSD is compiled into the binary, so an installed `tthc` needs no resource folder
            // beside it. The JSON Schema is for users' editors and the tests, which read it by path.
            exclude: ["Schemas/tthc.schema.json"],
            resources: [.embedInCode("Schemas/tthc.xsd")],
            swiftSettings: strict
        ),
        // The subcommands, as a library so tests can run them in-process.
        .target(
            name: "TTHCCommands",
            dependencies: [
                "Catalogue", "Formats", "Synthetic", "Review", "Import", "Simplification", "Site", "QRCode", "Sheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // A deterministic synthetic catalogue for benchmarks and scale tests.
        .target(name: "Synthetic", dependencies: ["Catalogue"], swiftSettings: strict),
        // Pure comparisons over the model: the field-level diff a reviewer reads.
        .target(name: "Review", dependencies: ["Catalogue"], swiftSettings: strict),
        // National-portal records (dichvucong.gov.vn JSON) into a draft decision.
        .target(name: "Import", dependencies: ["Catalogue", "Formats"], swiftSettings: strict),
        // Pure simplification review: rules, document matching by meaning, compliance cost, overlap.
        .target(name: "Simplification", dependencies: ["Catalogue"], swiftSettings: strict),
        // The public site's search index, read by site/assets/search.js. Pure: files are returned, not written.
        .target(name: "SearchIndex", dependencies: ["Catalogue"], swiftSettings: strict),
        // The public site: page models from the catalogue (pure) and Mustache rendering into files (edge).
        .target(
            name: "Site",
            dependencies: [
                "Catalogue", "Review", "Formats", "QRCode", "SearchIndex", "TemplateView",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // Mustache views with cheap lookups (typed dictionaries and strings) for the site and the sheets.
        .target(name: "TemplateView", dependencies: [.product(name: "Mustache", package: "swift-mustache")], swiftSettings: strict),
        .executableTarget(name: "tthc", dependencies: ["TTHCCommands"], swiftSettings: strict),
        // A test site with the search index, for scripts/browser-test-search and Benchmarks/search.sh.
        .executableTarget(
            name: "search-site",
            dependencies: [
                "SearchIndex", "Synthetic", "Formats", "Catalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/SearchSite",
            swiftSettings: strict
        ),
        // The diff engine's benchmark (issue 4), run by Benchmarks/diff.sh.
        .executableTarget(
            name: "DiffBenchmark", dependencies: ["Review", "Synthetic", "Catalogue"], path: "Benchmarks/diff-engine",
            swiftSettings: strict),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"], swiftSettings: strict),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Catalogue", "Formats", "Synthetic"], swiftSettings: strict),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: strict),
        .testTarget(
            name: "TemplateViewTests", dependencies: ["TemplateView", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "Catalogue", "Synthetic"], swiftSettings: strict),
        .testTarget(name: "SheetsTests", dependencies: ["Sheets", "Catalogue", "Formats"], swiftSettings: strict),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Catalogue"], swiftSettings: strict),
        .testTarget(
            name: "SimplificationTests", dependencies: ["Simplification", "Review", "Catalogue", "Formats", "Synthetic"],
            swiftSettings: strict),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "Catalogue"], swiftSettings: strict),
        .testTarget(
            name: "FormatsTests", dependencies: ["Formats", "Catalogue", "Synthetic"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Formats", "Catalogue"], swiftSettings: strict),
        .testTarget(
            name: "TTHCCommandsTests",
            dependencies: ["TTHCCommands", "Formats", "Catalogue", "tthc"],
            swiftSettings: strict
        ),
    ]
)
