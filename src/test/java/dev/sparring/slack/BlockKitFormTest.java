package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.view.View;
import dev.sparring.chat.Form;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A form's fields are optional because the form says so, whatever their labels read. */
class BlockKitFormTest {

  @Test
  void requiredComesFromTheFieldNotItsLabel() {
    Form form =
        new Form(
            "f",
            "Title",
            "Save",
            "v",
            List.of(
                new Form.Input("a", "Reason (optional)", "", "", true, 100, true),
                new Form.Input("b", "Time", "", "", false, 5, false),
                new Form.Input("c", "Zone", "", "", false, 60)));
    View view = BlockKit.modal(form);
    assertThat(view.getBlocks())
        .map(b -> ((InputBlock) b).isOptional())
        .containsExactly(false, true, false);
  }
}
