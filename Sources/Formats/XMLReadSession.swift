import CLibXML2
import Catalogue

/// One read of one XML file: receives libxml2's SAX events (`LibXMLStream`) and builds the model as
/// they come, while the plugged-in XSD validator checks the same events.
///
/// The builder runs on invalid documents too (validation happens in the same pass), so it never traps
/// on a surprise: an element it does not know is skipped with everything inside it, a missing value
/// becomes a placeholder. The caller throws away what was built whenever libxml2 reported an error.
final class XMLReadSession {
    let errors: LibXMLErrors
    /// The model under construction, at a fixed address that libxml2's callbacks reach directly: as a
    /// class property it would cost a dynamic exclusivity check on each of the hundreds of thousands
    /// of events in a large file. Owned by the session, freed in `deinit`.
    let builder: UnsafeMutablePointer<XMLModelBuilder>

    init(file: String, composes: Bool) {
        errors = LibXMLErrors(file: file)
        builder = .allocate(capacity: 1)
        builder.initialize(to: XMLModelBuilder(file: file, text: XMLText(composes: composes), errors: errors))
    }

    deinit {
        builder.deinitialize(count: 1)
        builder.deallocate()
    }
}
