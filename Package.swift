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
                "Catalogue", "Formats", "Synthetic", "Review", "Site", "QRCode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // A deterministic synthetic catalogue for benchmarks and scale tests.
        .target(name: "Synthetic", dependencies: ["Catalogue"], swiftSettings: strict),
        // Pure comparisons over the model: the field-level diff a reviewer reads.
        .target(name: "Review", dependencies: ["Catalogue"], swiftSettings: strict),
        // The public site: page models from the catalogue (pure) and Mustache rendering into files (edge).
        .target(
            name: "Site",
            dependencies: [
                "Catalogue", "Review", "Formats", "QRCode",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "tthc", dependencies: ["TTHCCommands"], swiftSettings: strict),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"], swiftSettings: strict),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Catalogue", "Formats", "Synthetic"], swiftSettings: strict),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: strict),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Catalogue"], swiftSettings: strict),
        .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "Catalogue"], swiftSettings: strict),
        .testTarget(
            name: "FormatsTests", dependencies: ["Formats", "Catalogue"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "TTHCCommandsTests",
            dependencies: ["TTHCCommands", "Formats", "Catalogue", "tthc"],
            swiftSettings: strict
        ),
    ]
)
