import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// One row of the inspector, drawn from the row's schema: the label (its help text on
// hover), the editor its type calls for, the unit, a reset button when the element sets a
// value that can go back to its default, and the reason of a refused edit in red below.
// It never changes the document itself: every edit goes through `properties` (a
// PropertyModel), which goes through DocumentController.
Control {
    id: field

    // The row, from the model's roles.
    required property int index
    required property string name
    required property string label
    required property int type
    required property string unit
    required property var minimum
    required property var maximum
    required property bool exclusiveMin
    required property var choices
    required property string help
    required property var value
    required property bool isSet
    required property bool mixed
    required property string error
    required property var defaultValue
    required property bool resettable
    required property bool fromDefault
    /// Text of a value the design does not state (the catalogue's default) looks like a
    /// placeholder, so that what was chosen stands out.
    readonly property color valueColour: fromDefault ? palette.placeholderText : palette.text

    /// The PropertyModel the row belongs to: where edits go.
    property PropertyModel properties
    /// Width of the label column, shared by the rows so that the editors line up.
    property real labelWidth: Math.min(150, width * 0.42)
    /// Text fields write through as the person types (merged into one undo step) when one
    /// element is inspected; with several, each keystroke would rewrite all of them.
    readonly property bool live: properties !== null && properties.inspectedIds.length === 1

    readonly property bool oneLine: [PropertyModel.Int, PropertyModel.Number, PropertyModel.Bool, PropertyModel.Choice,
                                     PropertyModel.ComponentChoice, PropertyModel.String, PropertyModel.Latency].indexOf(type) >= 0
    readonly property bool hasValue: value !== undefined && value !== null
    readonly property color errorColor: Theme.errorText

    padding: 0
    topPadding: 3
    bottomPadding: 3

    function commit(newValue) { return properties.setValue(index, newValue) }
    /// A keystroke: merged with the following ones into one undo step until finishTyping().
    function typed(newValue) { return properties.setValue(index, newValue, true) }
    /// An availability (a fraction of the time, 0 to 1): shown and typed as people write
    /// it, "99.95%", while the file keeps 0.9995.
    readonly property bool fraction: type === PropertyModel.Number && minimum === 0 && maximum === 1
    function format(v) {
        if (v === undefined || v === null) return ""
        if (typeof v !== "number") return String(v)
        if (fraction) return Format.availabilityInput(v) // as the critique quotes it
        return String(Math.round(v * 1e9) / 1e9)
    }
    /// A typed availability: "99.9%" and "99.9" mean 0.999, as does "0.999"; NaN for text
    /// that is no number.
    function parseFraction(text) {
        const t = text.trim()
        const percent = t.endsWith("%")
        const n = Number(percent ? t.slice(0, -1).trim() : t)
        if (isNaN(n) || t === "%") return NaN
        return percent || n > 1 ? Number((n / 100).toPrecision(12)) : n
    }
    function choiceIndex(v) {
        for (let i = 0; i < choices.length; ++i)
            if (choices[i].value === v) return i
        return -1
    }
    function listHas(v) { return Array.isArray(value) && value.indexOf(v) >= 0 }
    /// The list with `v` ticked or not, kept in the order of the choices; empty = unset.
    function toggled(v, on) {
        const out = []
        for (let i = 0; i < choices.length; ++i) {
            const c = choices[i].value
            if (c === v ? on : listHas(c)) out.push(c)
        }
        return out.length > 0 ? out : null
    }
    function defaultText() {
        if (defaultValue === undefined || defaultValue === null) return qsTr("not set")
        if (typeof defaultValue === "object" && defaultValue.p50 !== undefined)
            return qsTr("p50 %1, p99 %2 ms").arg(format(defaultValue.p50)).arg(format(defaultValue.p99))
        if (typeof defaultValue === "boolean") return defaultValue ? qsTr("on") : qsTr("off")
        const i = choiceIndex(defaultValue)
        return i >= 0 ? choices[i].text : format(defaultValue)
    }

    // Placed by hand rather than by a RowLayout: wrapped labels in layouts ask for their
    // unwrapped width, which squeezes the label column unevenly from row to row.
    contentItem: Item {
        id: frame
        implicitWidth: 280 // the panel decides the width; the rows share it
        implicitHeight: Math.max(caption.implicitHeight, editor.height, resetButton.height)
                        + (errorText.visible ? errorText.implicitHeight + 2 : 0)

        Label {
            id: caption
            width: field.labelWidth
            text: field.label
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            // Centred on a one-line editor; level with the first line of a taller one.
            topPadding: field.oneLine ? Math.max(0, (editor.height - contentHeight) / 2)
                                      : field.type === PropertyModel.ReadOnly ? 0 : 4
            opacity: field.type === PropertyModel.ReadOnly ? 0.7 : 1
            HoverHandler { id: captionHover }
            ToolTip.visible: captionHover.hovered && field.help !== ""
            ToolTip.delay: 500
            ToolTip.text: field.help
        }

        Loader {
            id: editor
            x: field.labelWidth + 8
            width: Math.max(40, frame.width - x - (unitLabel.visible ? unitLabel.width + 6 : 0)
                                - resetButton.width - 2)
            sourceComponent: {
                switch (field.type) {
                case PropertyModel.Int: return intEditor
                case PropertyModel.Number: return numberEditor
                case PropertyModel.Bool: return boolEditor
                case PropertyModel.Choice:
                case PropertyModel.ComponentChoice: return choiceEditor
                case PropertyModel.String: return stringEditor
                case PropertyModel.Text: return textEditor
                case PropertyModel.ZoneList:
                case PropertyModel.FlowList:
                case PropertyModel.OpList: return listEditor
                case PropertyModel.Latency: return latencyEditor
                default: return readonlyEditor
                }
            }
        }

        Label {
            id: unitLabel
            x: editor.x + editor.width + 6
            y: caption.topPadding
            text: field.unit
            visible: field.unit !== ""
            opacity: 0.7
        }

        ToolButton {
            id: resetButton
            x: frame.width - width
            y: field.oneLine ? Math.max(0, (editor.height - height) / 2) : 0
            width: 24
            height: 24
            padding: 0
            // Keeps its place when hidden so that editors do not jump as values change.
            opacity: field.resettable ? 0.8 : 0
            enabled: field.resettable
            text: "\u21ba"
            font.pixelSize: 15
            onClicked: field.properties.reset(field.index)
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Reset to the default (%1)").arg(field.defaultText())
        }

        Label {
            id: errorText
            x: editor.x
            y: Math.max(caption.implicitHeight, editor.height, resetButton.height) + 2
            width: frame.width - x
            visible: field.error !== ""
            text: field.error
            color: field.errorColor
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pixelSize: caption.font.pixelSize - 1
        }
    }

    Component {
        id: readonlyEditor
        Label {
            text: field.format(field.value)
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }
    }

    Component {
        id: intEditor
        OutlinedSpinBox {
            id: spin
            objectName: "field_" + field.name
            editable: true
            palette.text: activeFocus ? field.palette.text : field.valueColour
            font.italic: field.fromDefault && !activeFocus
            from: field.minimum === undefined || field.minimum === null ? -2147483647
                  : Math.ceil(field.minimum) + (field.exclusiveMin && Number.isInteger(field.minimum) ? 1 : 0)
            to: field.maximum === undefined || field.maximum === null ? 2147483647 : Math.floor(field.maximum)
            value: field.hasValue ? field.value : from
            // Plain digits: the same text the number fields use, without group separators.
            textFromValue: (v) => (field.mixed || !field.hasValue) && v === spin.value && !spin.activeFocus ? "" : String(v)
            valueFromText: (t) => t.trim() === "" ? spin.value : parseInt(t)
            onValueModified: field.commit(value)
            Label {
                anchors.fill: parent.contentItem
                verticalAlignment: Text.AlignVCenter
                leftPadding: 4
                visible: (field.mixed || !field.hasValue) && spin.contentItem.text === ""
                text: field.mixed ? qsTr("mixed") : qsTr("not set")
                color: spin.palette.placeholderText
            }
        }
    }

    Component {
        id: numberEditor
        OutlinedTextField {
            id: numberField
            objectName: "field_" + field.name
            readonly property string shown: field.mixed ? "" : field.format(field.value)
            text: shown
            color: activeFocus ? palette.text : field.valueColour
            font.italic: field.fromDefault && !activeFocus
            placeholderText: field.mixed ? qsTr("mixed") : qsTr("not set")
            validator: field.fraction ? percentValidator : plainValidator
            DoubleValidator { id: plainValidator; locale: "C"; notation: DoubleValidator.StandardNotation }
            RegularExpressionValidator { id: percentValidator; regularExpression: /\s*[0-9]*[.]?[0-9]*\s*%?\s*/ }
            selectByMouse: true
            function commit() {
                if (text === shown) return
                if (text.trim() === "") {
                    if (field.resettable) field.properties.reset(field.index)
                    else if (!field.mixed) revert()
                    return
                }
                const n = field.fraction ? field.parseFraction(text) : Number(text)
                field.commit(isNaN(n) ? text : n)
            }
            function revert() { text = Qt.binding(() => numberField.shown) }
            Keys.onReturnPressed: commit()
            Keys.onEnterPressed: commit()
            Keys.onEscapePressed: revert()
            onActiveFocusChanged: if (!activeFocus) commit()
            // Once an edit goes through, show the stored value again (formatted).
            Connections {
                target: field
                function onErrorChanged() { if (field.error === "") numberField.revert() }
            }
        }
    }

    Component {
        id: boolEditor
        // In an Item, so the box stays at the left: Fusion centres a CheckBox without text.
        Item {
            implicitWidth: box.implicitWidth + (byDefault.visible ? byDefault.implicitWidth + 6 : 0)
            implicitHeight: box.implicitHeight
            // A tick (or its absence) nobody chose says so, like the grey, slanted values
            // of the other fields: a box cannot be drawn as a placeholder.
            Label {
                id: byDefault
                objectName: "default_" + field.name
                anchors.left: box.right
                anchors.leftMargin: 6
                anchors.verticalCenter: box.verticalCenter
                visible: field.fromDefault && !field.mixed
                text: qsTr("default")
                font.italic: true
                color: field.palette.placeholderText
            }
            OutlinedCheckBox {
                id: box
                objectName: "field_" + field.name
                padding: 2
                tristate: field.mixed
                checkState: field.mixed ? Qt.PartiallyChecked : (field.value ? Qt.Checked : Qt.Unchecked)
                // A click on a mixed box ticks it for all, rather than cycling through mixed.
                nextCheckState: () => checkState === Qt.Checked ? Qt.Unchecked : Qt.Checked
                // With nextCheckState set, a click sets checkState without emitting toggled,
                // so the edit is taken from clicked (mouse and space bar alike).
                onClicked: field.commit(checkState === Qt.Checked)
            }
        }
    }

    Component {
        id: choiceEditor
        OutlinedComboBox {
            objectName: "field_" + field.name
            // A choice nobody made (and the catalogue has no default for) says so, in the
            // placeholder colour, rather than showing an empty box.
            readonly property bool unset: !field.mixed && !field.hasValue
            palette.text: field.valueColour
            palette.buttonText: unset ? field.palette.placeholderText : field.valueColour
            font.italic: field.fromDefault
            model: field.choices
            textRole: "text"
            valueRole: "value"
            currentIndex: field.mixed ? -1 : field.choiceIndex(field.value)
            displayText: field.mixed ? qsTr("mixed") : unset ? qsTr("not set")
                       : currentIndex < 0 ? field.format(field.value) : currentText
            onActivated: (i) => field.commit(field.choices[i].value)
        }
    }

    Component {
        id: stringEditor
        OutlinedTextField {
            id: stringField
            objectName: "field_" + field.name
            readonly property string shown: field.mixed ? "" : field.format(field.value)
            text: shown
            placeholderText: field.mixed ? qsTr("mixed") : field.resettable || !field.hasValue ? qsTr("not set") : ""
            selectByMouse: true
            // Show the start of a long name, not its end, when it is not being edited: after
            // the text is set (setting it puts the cursor at the end), when the field is left,
            // and when it is laid out anew.
            function showStart() {
                if (activeFocus) return
                cursorPosition = 0
                ensureVisible(0)
            }
            onTextChanged: showStart()
            onActiveFocusChanged: showStart()
            onWidthChanged: showStart()
            Component.onCompleted: showStart()
            onTextEdited: if (field.live) field.typed(text)
            onEditingFinished: {
                if (!field.live && text !== shown) field.commit(text)
                field.properties.finishTyping()
            }
            Keys.onEscapePressed: text = Qt.binding(() => stringField.shown)
        }
    }

    Component {
        id: textEditor
        OutlinedTextArea {
            id: area
            objectName: "field_" + field.name
            readonly property string shown: field.mixed ? "" : field.format(field.value)
            text: shown
            placeholderText: field.mixed ? qsTr("mixed") : ""
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            implicitHeight: Math.max(90, contentHeight + topPadding + bottomPadding)
            onTextChanged: if (activeFocus && text !== shown) { if (field.live) field.typed(text) }
            onActiveFocusChanged: if (!activeFocus) {
                if (!field.live && text !== shown) field.commit(text)
                field.properties.finishTyping()
            }
        }
    }

    Component {
        id: listEditor
        ColumnLayout {
            spacing: 0
            Label {
                visible: field.choices.length === 0 || (!field.hasValue && field.type !== PropertyModel.ZoneList)
                Layout.fillWidth: true
                Layout.preferredWidth: 10
                wrapMode: Text.Wrap
                opacity: 0.7
                topPadding: 4
                bottomPadding: 2
                text: field.mixed ? qsTr("Mixed: ticking sets the same list on all")
                      : field.choices.length === 0
                        ? (field.type === PropertyModel.ZoneList ? qsTr("The design has no zones yet.")
                                                      : qsTr("The design has no flows yet."))
                        : field.type === PropertyModel.OpList ? qsTr("Not restricted: every operation.")
                                                   : qsTr("Not restricted: every flow.")
            }
            Repeater {
                model: field.choices
                OutlinedCheckBox {
                    required property var modelData
                    objectName: "field_" + field.name + "_" + modelData.value
                    text: modelData.text
                    checked: !field.mixed && field.listHas(modelData.value)
                    padding: 2
                    Layout.fillWidth: true
                    onToggled: field.commit(field.toggled(modelData.value, checked))
                }
            }
        }
    }

    Component {
        id: latencyEditor
        RowLayout {
            id: latency
            objectName: "field_" + field.name
            spacing: 4
            function commit() {
                if (p50.text === p50.shown && p99.text === p99.shown) return
                const a = Number(p50.text), b = Number(p99.text)
                field.commit({ p50: isNaN(a) || p50.text === "" ? p50.text : a,
                               p99: isNaN(b) || p99.text === "" ? p99.text : b })
            }
            Label { text: "p50"; opacity: 0.7 }
            OutlinedTextField {
                id: p50
                objectName: "p50"
                readonly property string shown: field.mixed || !field.hasValue ? "" : field.format(field.value.p50)
                text: shown
                placeholderText: field.mixed ? qsTr("mixed") : ""
                // The catalogue's latency looks like the other defaults: grey and slanted.
                color: activeFocus ? palette.text : field.valueColour
                font.italic: field.fromDefault && !activeFocus
                validator: DoubleValidator { locale: "C"; notation: DoubleValidator.StandardNotation }
                selectByMouse: true
                Layout.fillWidth: true
                Layout.minimumWidth: 40
                Keys.onReturnPressed: latency.commit()
                Keys.onEnterPressed: latency.commit()
                onActiveFocusChanged: if (!activeFocus) latency.commit()
            }
            Label { text: "p99"; opacity: 0.7 }
            OutlinedTextField {
                id: p99
                readonly property string shown: field.mixed || !field.hasValue ? "" : field.format(field.value.p99)
                text: shown
                placeholderText: field.mixed ? qsTr("mixed") : ""
                // The catalogue's latency looks like the other defaults: grey and slanted.
                color: activeFocus ? palette.text : field.valueColour
                font.italic: field.fromDefault && !activeFocus
                validator: DoubleValidator { locale: "C"; notation: DoubleValidator.StandardNotation }
                selectByMouse: true
                Layout.fillWidth: true
                Layout.minimumWidth: 40
                Keys.onReturnPressed: latency.commit()
                Keys.onEnterPressed: latency.commit()
                onActiveFocusChanged: if (!activeFocus) latency.commit()
            }
            Connections {
                target: field
                function onErrorChanged() {
                    if (field.error !== "") return
                    p50.text = Qt.binding(() => p50.shown)
                    p99.text = Qt.binding(() => p99.shown)
                }
            }
        }
    }
}
